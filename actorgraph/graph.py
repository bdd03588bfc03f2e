"""Statements as a pandas frame, and the networkx graphs built from it.

The frame is the single source of truth: filters select rows of the frame and
the graph is rebuilt from what survives, so filtering never has to patch a
graph. Two graphs come from a frame:

* ``build_multigraph``: one edge per statement (key = statement id), for
  readers who want every sentence as its own edge;
* ``build_graph``: the aggregated view, one edge per (source, target, stance)
  (key = the stance). It is a ``MultiDiGraph`` because the same pair can both
  support and oppose each other (cooperate on one issue, clash on another); a
  ``DiGraph`` would have to drop one of the two.

Both carry the same node attributes, and both are annotated by
``analysis.annotate`` (weighted degree, PageRank, camp) before they are
returned, so callers never need to mutate a graph they cache.
"""
from __future__ import annotations

from collections import defaultdict
from operator import attrgetter
from typing import Any, Iterable, Mapping, Sequence

import networkx as nx
import numpy as np
import pandas as pd

from .analysis import annotate
from .records import STATEMENT_COLUMNS as COLUMNS
from .records import STATEMENT_FIELDS, Statement

#: Text columns that may be missing (None) in a statement.
OPTIONAL_TEXT = ("date", "path", "url", "source_affiliation", "source_role", "target_affiliation", "target_role")
INT_COLUMNS = ("sign", "sentence_index", "start", "end")
FLOAT_COLUMNS = ("confidence",)

#: Curated-frame flags (``curation.EXTRA_COLUMNS``) counted on each edge when present.
CURATION_COUNTS = ("corrected", "manual")

#: Node attributes counted per actor, in the order exports list them. ``mentions`` counts
#: distinct (article, sentence, written form) occurrences of the actor as an end of a
#: statement: "Russia backed Assad and condemned IS" is two statements but one mention of
#: Russia. The stance counts are statements.
NODE_COUNTS = ("mentions", "articles", "supports_given", "opposes_given", "supports_received", "opposes_received")


def statements_frame(statements: Iterable[Statement]) -> pd.DataFrame:
    """One row per statement, columns ``readwrite.statements.COLUMNS`` (id first).

    A statement read twice (same id: same article, place, actors, relation) is
    kept once, so overlapping inputs do not inflate weights.
    """
    fields = attrgetter(*COLUMNS)  # not to_dict(): dataclasses.asdict deep-copies, 10x slower
    df = pd.DataFrame([fields(s) for s in statements], columns=COLUMNS)
    return _typed(df.drop_duplicates("id", ignore_index=True))


def frame_from_records(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Frame from plain dicts (JSON lines, CSV rows): validated through ``Statement``."""
    return statements_frame(Statement.from_dict(dict(r)) for r in records)


def frame_from_columns(columns: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """A statements frame from columns already holding plain values (a store's saved frame)."""
    return _typed(pd.DataFrame({c: list(columns[c]) for c in COLUMNS}, columns=COLUMNS))


def frame_statements(df: pd.DataFrame) -> list[Statement]:
    """Back from a frame to records (for saving a selection, or the corpus pass over a store).

    The frame's columns are already typed (``statements_frame``: ints, floats, None for
    missing text), so each row goes straight into ``Statement``: six times faster than
    ``Statement.from_dict`` per row, which matters at 100,000 statements.
    """
    columns = [df[c].tolist() for c in STATEMENT_FIELDS]
    return [Statement(*row) for row in zip(*columns)]


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """Fixed dtypes: ints, floats, and text as Python objects with None for missing.

    pandas 3 would otherwise store text as its string dtype with NaN for
    missing values, and every consumer would have to test for NaN.
    """
    out = {}
    for col in COLUMNS:
        s = df[col]
        if col in INT_COLUMNS:
            out[col] = s.astype("int64")
        elif col in FLOAT_COLUMNS:
            out[col] = s.astype("float64")
        else:
            s = s.astype(object)
            out[col] = s.where(s.notna(), None if col in OPTIONAL_TEXT else "")
    return pd.DataFrame(out, index=pd.RangeIndex(len(df)))


def source_ref(path: str | None, url: str | None) -> str:
    """Where a statement's article came from: its URL when known, else its path."""
    return url or path or ""


# --------------------------------------------------------------------------- nodes


def _fold(*codes: np.ndarray) -> np.ndarray:
    """One integer code per row for a tuple of code columns (each >= -1), numbered by first appearance."""
    out = np.zeros(len(codes[0]), dtype=np.int64)
    for c in codes:
        c = np.asarray(c, dtype=np.int64) + 1
        out = pd.factorize(out * (int(c.max(initial=0)) + 1) + c)[0].astype(np.int64)
    return out


class _Ends:
    """Both ends of every statement as integer codes: end i < n is row i's source, i >= n its target."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        self.actor, self.actors = pd.factorize(pd.concat([df["source"], df["target"]], ignore_index=True))
        self.actor = self.actor.astype(np.int64)

    def values(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """Codes (-1: missing or empty) and values of ``source_<column>``/``target_<column>``."""
        both = pd.concat([self.df[f"source_{column}"], self.df[f"target_{column}"]], ignore_index=True)
        codes, uniques = pd.factorize(both)
        uniques = np.asarray(uniques, dtype=object)
        empty = np.flatnonzero(uniques == "")
        if len(empty):
            codes = np.where(codes == empty[0], -1, codes)
        return codes.astype(np.int64), uniques

    def tally(self, codes: np.ndarray, uniques: np.ndarray) -> dict[int, dict[Any, int]]:
        """Per actor code, how often each value occurs (missing and empty values skipped)."""
        keep = codes >= 0
        key = self.actor[keep] * (len(uniques) + 1) + codes[keep]
        pairs, counts = np.unique(key, return_counts=True)
        out: dict[int, dict[Any, int]] = defaultdict(dict)
        for pair, n in zip(pairs.tolist(), counts.tolist()):
            out[pair // (len(uniques) + 1)][uniques[pair % (len(uniques) + 1)]] = n
        return out

    def distinct_per_actor(self, *codes: np.ndarray) -> np.ndarray:
        """How many distinct tuples of ``codes`` each actor has (indexed by actor code)."""
        key = _fold(self.actor, *codes)
        first = np.unique(key, return_index=True)[1]
        return np.bincount(self.actor[first], minlength=len(self.actors))


def _node_attributes(df: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """Per actor: name, type, aliases, affiliation, role and the counts in NODE_COUNTS.

    Counted on integer codes (numpy), so the cost per statement is no Python at all."""
    if len(df) == 0:
        return {}
    ends = _Ends(df)
    n = len(df)
    types, mentions = ends.tally(*ends.values("type")), ends.tally(*ends.values("mention"))
    affiliations, roles = ends.tally(*ends.values("affiliation")), ends.tally(*ends.values("role"))
    stance = df["stance"].to_numpy(dtype=object)
    kinds = np.concatenate([stance + "_given", stance + "_received"]) if n else np.array([], dtype=object)
    counts = ends.tally(*_codes_of(kinds))
    article = np.tile(pd.factorize(df["article_id"])[0], 2)
    articles = ends.distinct_per_actor(article)
    # a mention: one (article, sentence, written form) where the actor is an end of some statement
    mention_codes = pd.factorize(pd.concat([df["source_mention"], df["target_mention"]], ignore_index=True))[0]
    said = ends.distinct_per_actor(article, np.tile(df["sentence_index"].to_numpy(), 2), mention_codes)
    nodes = {}
    for code, actor in sorted(enumerate(ends.actors.tolist()), key=lambda kv: kv[1]):
        c = counts.get(code, {})
        nodes[actor] = {
            "name": actor,
            "type": _most_common(types.get(code)) or "",
            "aliases": [m for m, _ in sorted(mentions.get(code, {}).items(), key=lambda kv: (-kv[1], kv[0])) if m != actor],
            "affiliation": _most_common(affiliations.get(code)),
            "role": _most_common(roles.get(code)),
            "mentions": int(said[code]),
            "articles": int(articles[code]),
            **{k: c.get(k, 0) for k in NODE_COUNTS[2:]},
        }
    _add_merged_aliases(nodes, df)
    return nodes


def _add_merged_aliases(nodes: dict[str, dict[str, Any]], df: pd.DataFrame) -> None:
    """Names merged or renamed into an actor by curation (``source_was``) are aliases too."""
    if "source_was" not in df:
        return
    pairs = pd.concat([pd.DataFrame({"actor": df[e], "was": df[f"{e}_was"]}) for e in ("source", "target")])
    pairs = pairs[pairs["was"].notna() & (pairs["was"] != pairs["actor"])].drop_duplicates()
    for actor, was in zip(pairs["actor"].tolist(), pairs["was"].tolist()):
        if was and was not in nodes[actor]["aliases"]:
            nodes[actor]["aliases"].append(was)


def _codes_of(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def _most_common(counter: dict[Any, int] | None) -> str | None:
    """Most frequent value; ties go to the alphabetically first so builds are stable."""
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


# --------------------------------------------------------------------------- graphs


def _chronological_order(df: pd.DataFrame) -> np.ndarray:
    """Row positions by date (undated last), article and position: list attributes read in time order.

    The same order as a stable ``sort_values(["date", "article_id", "start"])``, sorted on codes."""
    if len(df) == 0:
        return np.zeros(0, dtype=np.int64)
    date, _ = pd.factorize(df["date"], sort=True)
    date = np.where(date < 0, date.max() + 1, date)
    article, _ = pd.factorize(df["article_id"], sort=True)
    return np.lexsort((df["start"].to_numpy(), article, date))


def _chronological(df: pd.DataFrame) -> pd.DataFrame:
    return df.iloc[_chronological_order(df)]


def build_multigraph(df: pd.DataFrame) -> nx.MultiDiGraph:
    """One edge per statement, key = statement id; weight 1 so tools can sum it."""
    G = nx.MultiDiGraph(kind="statements", statements=len(df))
    G.add_nodes_from(_node_attributes(df).items())
    rows = _chronological(df)
    names = {"id": "statement_id", "start": "quote_start", "end": "quote_end"}
    cols = ["id", "stance", "sign", "relation", "rule", "quote", "cue", "source_mention", "target_mention", "article_id",
            "title", "date", "path", "url", "sentence_index", "start", "end", "confidence"]  # fmt: skip
    cols += [c for c in CURATION_COUNTS if c in rows]
    attrs = rows[cols].rename(columns=names).to_dict("records")
    G.add_edges_from(
        (src, tgt, a["statement_id"], {**a, "weight": 1})
        for src, tgt, a in zip(rows["source"].tolist(), rows["target"].tolist(), attrs)
    )
    return annotate(G, inplace=True)


def _first_rows(group: np.ndarray, values: pd.Series) -> np.ndarray:
    """Positions of the first row of each distinct (group, value) pair, in row order."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    key = group.astype(np.int64) * (len(uniques) + 1) + (codes.astype(np.int64) + 1)
    first = np.unique(key, return_index=True)[1]
    first.sort()
    return first


def _per_group(group: np.ndarray, n_groups: int, values: pd.Series, keep: np.ndarray | None = None) -> list[list]:
    """Per group (rows contiguous by group), the distinct ``values`` in row order (``keep``: rows allowed)."""
    first = _first_rows(group, values)
    if keep is not None:
        first = first[keep[first]]
    items = values.to_numpy(dtype=object)[first].tolist()
    bounds = np.searchsorted(group[first], np.arange(n_groups + 1)).tolist()
    return [items[bounds[i] : bounds[i + 1]] for i in range(n_groups)]


def _truthy(s: pd.Series) -> np.ndarray:
    return (s.notna() & (s.astype(object) != "")).to_numpy()


def build_graph(df: pd.DataFrame) -> nx.MultiDiGraph:
    """The aggregated graph: one edge per (source, target, stance), key = stance.

    List attributes hold distinct values in time order; ``titles`` runs parallel
    to ``articles``; ``statement_ids`` lists every statement behind the edge.
    Grouping and the distinct lists are computed in numpy/pandas (one pass per
    attribute), so only the edges themselves are built in Python.
    """
    chrono = _chronological_order(df)
    edge_key = _fold(*(pd.factorize(df[c])[0] for c in ("source", "target", "stance")))
    group = pd.factorize(edge_key[chrono])[0]  # edges numbered by their first statement in time
    order = np.argsort(group, kind="stable")  # each edge's rows contiguous, still in time order
    curated = [c for c in CURATION_COUNTS if c in df]  # statements from a store: corrected / manual counts
    needed = ["id", "source", "target", "stance", "sign", "relation", "rule", "quote", "article_id", "title", "date",
              "path", "url", "confidence", *curated]  # fmt: skip
    rows, group = df[needed].take(chrono[order]).reset_index(drop=True), group[order]
    n = int(group[-1]) + 1 if len(group) else 0
    starts = np.searchsorted(group, np.arange(n))
    sizes = np.diff(np.append(starts, len(group))).tolist()
    url, path = rows["url"].astype(object), rows["path"].astype(object)
    refs = pd.Series(np.where(_truthy(url), url, np.where(_truthy(path), path, "")), dtype=object)
    relations = _per_group(group, n, rows["relation"])
    rules = _per_group(group, n, rows["rule"], _truthy(rows["rule"]))
    quotes = _per_group(group, n, rows["quote"])
    sources = _per_group(group, n, refs, _truthy(refs))
    art_first = _first_rows(group, rows["article_id"])
    art_bounds = np.searchsorted(group[art_first], np.arange(n + 1)).tolist()
    art_ids = rows["article_id"].to_numpy(dtype=object)[art_first].tolist()
    art_titles = rows["title"].to_numpy(dtype=object)[art_first].tolist()
    dated = _truthy(rows["date"])
    dates = rows["date"][dated].groupby(group[dated]).agg(["first", "last"]).reindex(range(n))
    first_dates = dates["first"].astype(object).where(dates["first"].notna(), None).tolist()
    last_dates = dates["last"].astype(object).where(dates["last"].notna(), None).tolist()
    conf = (np.bincount(group, weights=rows["confidence"].to_numpy(), minlength=n) / np.maximum(sizes, 1)).tolist()
    ids = rows["id"].tolist()
    flags = {c: np.bincount(group, weights=rows[c].to_numpy(dtype="int64"), minlength=n).astype(int).tolist()
             for c in curated}  # fmt: skip
    head = rows.iloc[starts] if n else rows.iloc[0:0]
    heads = zip(head["source"].tolist(), head["target"].tolist(), head["stance"].tolist(), head["sign"].tolist())
    G = nx.MultiDiGraph(kind="aggregated", statements=len(df))
    G.add_nodes_from(_node_attributes(df).items())
    edges = []
    for i, (source, target, stance, sign) in enumerate(heads):
        a, b, s = art_bounds[i], art_bounds[i + 1], int(starts[i])
        edges.append((source, target, stance, {
            "stance": stance, "sign": int(sign), "weight": sizes[i], "relations": relations[i], "rules": rules[i],
            "quotes": quotes[i], "statement_ids": ids[s : s + sizes[i]], "articles": art_ids[a:b],
            "titles": art_titles[a:b], "sources": sources[i], "first_date": first_dates[i],
            "last_date": last_dates[i], "confidence": conf[i], **{c: flags[c][i] for c in curated},
        }))  # fmt: skip
    G.add_edges_from(edges)
    return annotate(G, inplace=True)


def add_isolated(G: nx.MultiDiGraph, df: pd.DataFrame, actors: Iterable[str]) -> nx.MultiDiGraph:
    """Add ``actors`` missing from ``G`` as edgeless nodes described from ``df``.

    Used when a filter should keep actors whose statements it removed; their
    counts are zero because the graph describes the filtered statements.
    """
    missing = [a for a in actors if a not in G]
    if not missing:
        return G
    H = G.copy()
    described = _node_attributes(df[df["source"].isin(missing) | df["target"].isin(missing)])
    for actor in missing:
        attrs = dict(described.get(actor, {"name": actor, "type": "", "aliases": [], "affiliation": None, "role": None}))
        attrs.update({k: 0 for k in NODE_COUNTS})
        H.add_node(actor, **attrs)
    return annotate(H, inplace=True)
