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

import gc
from collections import defaultdict
from contextlib import contextmanager
from operator import attrgetter
from typing import Any, Iterable, Iterator, Mapping, Sequence

import networkx as nx
import numpy as np
import pandas as pd

from .analysis import _EdgeArrays, annotate
from .records import STATEMENT_COLUMNS as COLUMNS
from .records import ID_PARTS, STATEMENT_FIELDS, Statement, statement_id

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
    kept once, so overlapping inputs do not inflate weights. Built column by
    column (one tuple per statement, transposed), never row by row in pandas.
    """
    with no_gc():
        rows = [_FIELDS(s) for s in statements]  # not to_dict(): dataclasses.asdict deep-copies, 10x slower
        columns = dict(zip(STATEMENT_FIELDS, zip(*rows) if rows else [()] * len(STATEMENT_FIELDS)))
        del rows
        columns["id"] = list(map(statement_id, *(columns[c] for c in ID_PARTS)))
        frame = _typed_columns(columns, unique=True)
        del columns  # freed here, not walked by the collector once it runs again
    return frame


_FIELDS = attrgetter(*STATEMENT_FIELDS)


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a million small containers are made.

    They hold no cycles, but each collection walks every live object (a million
    statements in memory): a quarter of ``build_graph``'s time at that size. With
    threads, the outermost pause turns the collector back on, so it never stays off.

    What was made inside (a frame, a graph the app caches) is long-lived: it is moved to the
    oldest generation at once (``gc.freeze`` then ``gc.unfreeze``, no traversal) instead of
    being walked by the young collection that would run right after (0.4 s for a graph of a
    million statements). Skipped when something else froze objects (a pre-fork server)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def frame_from_records(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Frame from plain dicts (JSON lines, CSV rows): validated through ``Statement``."""
    return statements_frame(Statement.from_dict(dict(r)) for r in records)


def frame_from_columns(columns: Mapping[str, Sequence[Any]], unique: bool = False, typed: bool = False) -> pd.DataFrame:
    """A statements frame from columns already holding plain values (a store's saved frame, a
    Parquet file's columns); ``unique``: keep the first row of each id, as ``statements_frame``;
    ``typed``: the columns are numpy arrays of the frame's dtypes already, missing text filled."""
    return _typed_columns({c: columns[c] for c in COLUMNS}, unique=unique, typed=typed)


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
    return _typed_columns({c: df[c] for c in COLUMNS})


def _typed_columns(columns: Mapping[str, Any], unique: bool = False, typed: bool = False) -> pd.DataFrame:
    """The frame of ``_typed`` from columns (lists, tuples, arrays or Series), one numpy array each.

    ``unique``: keep only the first row of each id (``statements_frame``); checked with a set first,
    since duplicates are rare. ``typed``: see ``frame_from_columns``."""
    data = {c: columns[c] if typed else _typed_column(c, columns[c]) for c in COLUMNS}
    n = len(data["id"])
    if unique and len(set(data["id"].tolist())) < n:
        keep = ~pd.Series(data["id"], dtype=object, copy=False).duplicated().to_numpy()
        data = {c: v[keep] for c, v in data.items()}
        n = int(keep.sum())
    # copy=False: the arrays are this frame's own, and are not stacked into one block (a second copy)
    return pd.DataFrame({c: pd.Series(v, dtype=v.dtype, copy=False) for c, v in data.items()},
                        index=pd.RangeIndex(n), columns=COLUMNS, copy=False)  # fmt: skip


def _typed_column(col: str, values: Any) -> np.ndarray:
    """One column as int64, float64, or objects with None (optional text) or "" for missing.

    Never a view of a Series given: the frame made from it owns its arrays."""
    if isinstance(values, pd.Series):
        values = values.to_numpy(dtype=object, copy=True)
    if col in INT_COLUMNS or col in FLOAT_COLUMNS:
        dtype = "int64" if col in INT_COLUMNS else "float64"
        try:
            return np.asarray(values, dtype=dtype)
        except (TypeError, ValueError):  # text digits and the like: pandas' rules, and its errors
            return pd.Series(np.asarray(values, dtype=object)).astype(dtype).to_numpy()
    if isinstance(values, np.ndarray) and values.dtype == object:
        arr = values
    else:
        arr = np.fromiter(values, dtype=object, count=len(values))
    if not set(map(type, values)) <= {str}:  # the common case, told apart from None/NaN 4x faster than isna
        missing = pd.isna(arr)
        if missing.any():
            arr = arr.copy()
            arr[missing] = None if col in OPTIONAL_TEXT else ""
    return arr if col in _MOSTLY_DISTINCT else _one_object_per_value(arr)


def _one_object_per_value(arr: np.ndarray) -> np.ndarray:
    """The column with equal strings as one object. Statements read from JSON lines, CSV or the
    store hold a string object per row; shared, every graph built from the frame later (each
    filter, each date window) codes them by address (``_factorize_shared``) instead of hashing
    every string again: at 50,000 statements a filtered view's build took three times as long.
    Hashed once here; a column of mostly distinct values, or one whose equal values are one object
    already (judged on a sample: objects built in memory, a Parquet file's dictionary), is left as
    it is."""
    if len(arr) < 1024:
        return arr
    sample = arr[np.random.default_rng(0).integers(0, len(arr), 4096)]
    values = len(pd.unique(sample))
    if values > len(sample) // 2 or len(pd.unique(np.frombuffer(sample, dtype=np.intp))) == values:
        return arr
    codes, uniques = pd.factorize(arr)
    return np.append(np.asarray(uniques, dtype=object), None)[codes]  # -1 (None) stays None


def source_ref(path: str | None, url: str | None) -> str:
    """Where a statement's article came from: its URL when known, else its path."""
    return url or path or ""


# --------------------------------------------------------------------------- codes


class _Coded:
    """Integer codes of a frame's columns, each column hashed once per build.

    Hashing a million Python strings costs tens of milliseconds a column, so the
    graph builders factorize each column once and then work on integers."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        self._cache: dict[tuple[str, bool], tuple[np.ndarray, np.ndarray]] = {}
        self._firsts: dict[str, np.ndarray | None] = {}

    def __call__(self, column: str, sort: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Codes (-1: None or NaN) and the distinct values, by first appearance (or sorted).

        Hashed once per column: the sorted numbering is derived from the other (``pd.factorize``
        sorts its uniques after factorizing, so the codes are the same)."""
        if (column, sort) not in self._cache:
            if sort:
                codes, uniques = self(column)
                rank, uniques = pd.factorize(uniques, sort=True)
                codes = np.append(rank.astype(np.int64), -1)[codes]
            else:
                values = self.df[column].to_numpy()
                found = self._via_parent(column, values) or _factorize_shared(values)
                if found is None and column in _MOSTLY_DISTINCT:
                    found = _factorize_by_hash(values)
                codes, uniques = found or pd.factorize(values)
            self._cache[column, sort] = codes.astype(np.int64, copy=False), np.asarray(uniques, dtype=object)
        return self._cache[column, sort]

    def _via_parent(self, column: str, values: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """Codes of a column that holds one object per value of its parent column (an article's
        date, path and title; an actor's type): checked on every row, then only the parent's first
        rows are factorized. None when a row disagrees (or the column has no parent)."""
        parent = _PARENT.get(column)
        if parent is None or parent not in self.df or values.dtype != object or len(values) < 1024:
            return None
        codes = self(parent)[0]
        if parent not in self._firsts:
            self._firsts[parent] = None if codes.min(initial=0) < 0 else _first_positions(codes)
        first = self._firsts[parent]
        if first is None:  # a missing parent: no first row to stand for it
            return None
        address = np.frombuffer(np.ascontiguousarray(values), dtype=np.intp)
        if not np.array_equal(address, address[first][codes]):
            return None
        found, uniques = pd.factorize(values[first])
        return found[codes], uniques

    def values(self, column: str) -> np.ndarray:
        return self.df[column].to_numpy(dtype=object)

    def truthy(self, column: str) -> np.ndarray:
        """Rows whose value is neither missing nor ""."""
        codes, uniques = self(column)
        return np.append(uniques != "", False)[codes]

    def joint(self, first: str, second: str, empty_missing: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Codes of ``first`` then ``second`` (2n rows) over their shared values, numbered as
        ``pd.factorize(pd.concat([first, second]))``; ``empty_missing``: "" counts as missing."""
        (a, ua), (b, ub) = self(first), self(second)
        both, uniques = pd.factorize(np.concatenate([ua, ub]))
        uniques = np.asarray(uniques, dtype=object)
        both = both.astype(np.int64)
        if empty_missing:
            empty = np.flatnonzero(uniques == "")
            if len(empty):
                both[both == empty[0]] = -1
        return np.concatenate([np.append(both[: len(ua)], -1)[a], np.append(both[len(ua):], -1)[b]]), uniques


#: Columns whose rows usually hold the object of their parent's row (``_Coded._via_parent``): the
#: article's fields repeated on each of its statements, an actor's type on each of its ends.
_PARENT = {**{c: "article_id" for c in ("date", "title", "path", "url")},
           **{f"{end}_{c}": end for end in ("source", "target") for c in ("type", "affiliation", "role")}}  # fmt: skip

#: Columns whose values are mostly distinct: pandas re-hashes each string's text, while Python
#: keeps every string's hash, so these are factorized on their hashes (and checked).
_MOSTLY_DISTINCT = ("quote", "id")


def _factorize_shared(values: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """``pd.factorize`` of an object column whose rows share string objects (a Parquet file's
    dictionary text, an article's fields repeated on each of its statements): the objects are
    told apart by address (integers, no string hashed), then only the distinct objects are
    factorized by value. Identity implies equality, so the codes are exact. None for a column
    of mostly distinct objects (judged on a sample: too few repeats), or not of objects."""
    if values.dtype != object or len(values) < 1024:
        return None
    address = np.frombuffer(np.ascontiguousarray(values), dtype=np.intp)  # the PyObject pointers
    if (address == address[0]).all():  # one object throughout (a column of None, say)
        codes, uniques = pd.factorize(values[:1])
        return np.full(len(values), codes[0], dtype=np.int64), uniques
    at = np.unique(np.random.default_rng(0).integers(0, len(values), 4096))
    if len(at) - len(pd.unique(address[at])) < len(at) // 64:  # fewer repeats than ~130,000 objects give
        return None
    by_object = pd.factorize(address)[0]
    codes, uniques = pd.factorize(values[_first_positions(by_object)])
    return codes[by_object], uniques


def _factorize_by_hash(values: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """``pd.factorize`` of an all-string column through Python's cached string hashes: three
    times faster on a million distinct quotes. None (use ``pd.factorize``) for other values or
    if two different strings share a hash, so the codes are always exact."""
    if values.dtype != object or not set(map(type, values)) <= {str}:
        return None
    codes = pd.factorize(np.fromiter(map(hash, values), dtype=np.int64, count=len(values)))[0]
    uniques = values[_first_positions(codes)]
    if not (values == uniques[codes]).all():  # a hash collision: equal hashes, different text
        return None
    return codes, uniques


def _first_positions(codes: np.ndarray) -> np.ndarray:
    """Where each code first occurs, for codes (>= 0) numbered by first appearance: a row
    holds a new code exactly when it exceeds every code before it."""
    return np.flatnonzero(codes > np.maximum.accumulate(np.append(-1, codes[:-1])))


def _key(*codes: np.ndarray) -> np.ndarray:
    """One int64 per row, equal exactly when the rows' tuples of codes (each >= -1) are equal."""
    out = np.zeros(len(codes[0]), dtype=np.int64)
    for c in codes:
        c = np.asarray(c, dtype=np.int64) + 1
        size = int(c.max(initial=0)) + 1
        if int(out.max(initial=0)) >= (1 << 62) // size:  # would overflow: renumber first
            out = pd.factorize(out)[0].astype(np.int64)
        out = out * size + c
    return out


def _first_of_each(key: np.ndarray) -> np.ndarray:
    """Positions of the first row of each distinct ``key`` (>= 0), in row order: the rows sorted on
    (key, row) as one int64 when that fits (a sort of values, faster than hashing), else hashed."""
    n = len(key)
    if not n or int(key.max()) >= (1 << 62) // n:
        return np.flatnonzero(~pd.Series(key, copy=False).duplicated().to_numpy())
    packed = np.sort(key * n + np.arange(n))
    head = np.append(True, packed[1:] // n != packed[:-1] // n)
    return np.sort(packed[head] % n)


# --------------------------------------------------------------------------- nodes


class _Ends:
    """Both ends of every statement as integer codes: end i < n is row i's source, i >= n its target."""

    def __init__(self, coded: _Coded) -> None:
        self.coded = coded
        self.actor, uniques = coded.joint("source", "target")
        self.actors = uniques.tolist()

    def tally(self, codes: np.ndarray, uniques: np.ndarray) -> dict[int, dict[Any, int]]:
        """Per actor code, how often each value occurs (codes -1 skipped)."""
        keep = codes >= 0
        width = len(uniques) + 1
        if len(self.actors) * width <= 4 * len(codes) + 4096:  # a dense table: one bincount
            table = np.bincount(self.actor[keep] * width + codes[keep], minlength=len(self.actors) * width)
            pairs = np.flatnonzero(table)
            counts = table[pairs]
        else:  # sorted keys, counted between the places they change (np.unique is slower here)
            ordered = np.sort(self.actor[keep] * width + codes[keep])
            change = np.flatnonzero(np.append(True, ordered[1:] != ordered[:-1])) if len(ordered) else ordered
            pairs, counts = ordered[change], np.diff(np.append(change, len(ordered)))
        out: dict[int, dict[Any, int]] = defaultdict(dict)
        for pair, n in zip(pairs.tolist(), counts.tolist()):
            out[pair // width][uniques[pair % width]] = n
        return out

    def values(self, column: str) -> dict[int, dict[Any, int]]:
        """Per actor, its ``source_<column>``/``target_<column>`` values and counts (missing, "" skipped)."""
        return self.tally(*self.coded.joint(f"source_{column}", f"target_{column}", empty_missing=True))

    def distinct_per_actor(self, outer: np.ndarray, *inner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """How many distinct ``outer`` codes, and how many distinct (``outer``, *``inner``) tuples,
        each actor has (indexed by actor code). Both counted on one sort of the keys (actor,
        outer, inner), since sorting integers beats hashing them here; two sorts if they do not fit."""
        outer = np.asarray(outer, dtype=np.int64) + 1
        inner_key = _key(*inner)
        wide = int(outer.max(initial=0)) + 1
        deep = int(inner_key.max(initial=0)) + 1
        if max(len(self.actors), 1) * wide * deep >= 1 << 62:
            inner_key = pd.factorize(inner_key)[0].astype(np.int64)
            deep = int(inner_key.max(initial=0)) + 1
        if max(len(self.actors), 1) * wide * deep >= 1 << 62:
            return self._distinct(outer, wide), self._distinct(*_dense(_key(outer, inner_key)))
        return self._distinct(outer * deep + inner_key, wide * deep, deep)

    def _distinct(self, key: np.ndarray, width: int, prefix: int = 0) -> Any:
        """Per actor, its distinct ``key`` values (each < ``width``); with ``prefix``, also (first)
        its distinct ``key // prefix`` values, read off the same sorted keys."""
        ordered = np.sort(self.actor * width + key)
        distinct = ordered[np.append(True, ordered[1:] != ordered[:-1])] if len(ordered) else ordered
        count = np.bincount(distinct // width, minlength=len(self.actors))
        if not prefix:
            return count
        outer = distinct // prefix  # still sorted: (actor, outer) pairs
        outer = outer[np.append(True, outer[1:] != outer[:-1])] if len(outer) else outer
        return np.bincount(outer // (width // prefix), minlength=len(self.actors)), count


def _dense(key: np.ndarray) -> tuple[np.ndarray, int]:
    """``key`` renumbered 0..k-1 (first appearance), and k."""
    codes = pd.factorize(key)[0].astype(np.int64)
    return codes, int(codes.max(initial=-1)) + 1


def _node_attributes(df: pd.DataFrame, coded: _Coded | None = None) -> dict[str, dict[str, Any]]:
    """Per actor: name, type, aliases, affiliation, role and the counts in NODE_COUNTS.

    Counted on integer codes (numpy), so the cost per statement is no Python at all."""
    if len(df) == 0:
        return {}
    ends = _Ends(coded or _Coded(df))
    types, mentions = ends.values("type"), ends.values("mention")
    affiliations, roles = ends.values("affiliation"), ends.values("role")
    stance, stances = ends.coded("stance")
    kinds = np.concatenate([[f"{s}_given" for s in stances], [f"{s}_received" for s in stances]]).astype(object)
    given = np.where(stance >= 0, stance, -1)
    counts = ends.tally(np.concatenate([given, np.where(stance >= 0, stance + len(stances), -1)]), kinds)
    article = np.tile(ends.coded("article_id", sort=True)[0], 2)  # sorted: the codes the time order uses
    # a mention: one (article, sentence, written form) where the actor is an end of some statement
    mention_codes = ends.coded.joint("source_mention", "target_mention")[0]
    sentence = np.tile(ends.coded("sentence_index")[0], 2)
    articles, said = ends.distinct_per_actor(article, sentence, mention_codes)
    nodes = {}
    for code, actor in sorted(enumerate(ends.actors), key=lambda kv: kv[1]):
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


def _most_common(counter: dict[Any, int] | None) -> str | None:
    """Most frequent value; ties go to the alphabetically first so builds are stable."""
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


# --------------------------------------------------------------------------- graphs


def _chronological_order(df: pd.DataFrame, coded: _Coded | None = None) -> np.ndarray:
    """Row positions by date (undated last), article and position: list attributes read in time order.

    The same order as a stable ``sort_values(["date", "article_id", "start"])``, sorted on codes."""
    if len(df) == 0:
        return np.zeros(0, dtype=np.int64)
    coded = coded or _Coded(df)
    date = coded("date", sort=True)[0]
    date = np.where(date < 0, date.max() + 1, date)
    article = coded("article_id", sort=True)[0] + 1  # -1 (missing) first, as lexsort puts it
    day_article = pd.factorize(date * (int(article.max()) + 1) + article, sort=True)[0]  # dense: a short key
    start = df["start"].to_numpy(dtype=np.int64)
    return _sorted_rows(day_article, start - start.min())


def _sorted_rows(*keys: np.ndarray) -> np.ndarray:
    """Row positions ordered by ``keys`` (non-negative ints, first outermost), ties in row order:
    ``np.lexsort(keys[::-1])``, but as one sort of a single int64 key when the keys fit in one
    (with the row appended when that fits too: unique keys need no stable sort)."""
    n = len(keys[0])
    key, top = np.zeros(n, dtype=np.int64), 1
    for k in keys:
        span = int(k.max(initial=0)) + 1
        top *= span
        if top >= 1 << 62:
            return np.lexsort(keys[::-1])
        key = key * span + k
    if top * n < 1 << 62:  # unique keys: sorting the values (SIMD) beats argsort, and the row is their last digit
        return np.sort(key * n + np.arange(n)) % n
    return np.argsort(key, kind="stable")


def _chronological(df: pd.DataFrame) -> pd.DataFrame:
    return df.iloc[_chronological_order(df)]


def build_multigraph(df: pd.DataFrame) -> nx.MultiDiGraph:
    """One edge per statement, key = statement id; weight 1 so tools can sum it."""
    with no_gc():
        G = nx.MultiDiGraph(kind="statements", statements=len(df))
        G.add_nodes_from(_node_attributes(df).items())
        rows = _chronological(df)
        names = {"id": "statement_id", "start": "quote_start", "end": "quote_end"}
        cols = ["id", "stance", "sign", "relation", "rule", "quote", "cue", "source_mention", "target_mention",
                "article_id", "title", "date", "path", "url", "sentence_index", "start", "end",
                "confidence"]  # fmt: skip
        cols += [c for c in CURATION_COUNTS if c in rows]
        attrs = rows[cols].rename(columns=names).to_dict("records")
        G.add_edges_from(
            (src, tgt, a["statement_id"], {**a, "weight": 1})
            for src, tgt, a in zip(rows["source"].tolist(), rows["target"].tolist(), attrs)
        )
        return annotate(G, inplace=True)


class _Edges:
    """The rows of each aggregated edge, contiguous and in time order, and per-edge reductions of them."""

    def __init__(self, df: pd.DataFrame, coded: _Coded) -> None:
        self.coded = coded
        chrono = _chronological_order(df, coded)
        edge_key = _key(*(coded(c)[0] for c in ("source", "target", "stance")))
        group = pd.factorize(edge_key[chrono])[0]  # edges numbered by their first statement in time
        order = _sorted_rows(group)  # each edge's rows contiguous, still in time order
        self.rows, self.group = chrono[order], group[order].astype(np.int64)
        self.n = int(self.group[-1]) + 1 if len(self.group) else 0
        self.starts = np.searchsorted(self.group, np.arange(self.n))
        self.sizes = np.diff(np.append(self.starts, len(self.group)))

    def column(self, name: str, at: np.ndarray | None = None) -> np.ndarray:
        """A column's values in edge order (``at``: only at these positions of it)."""
        return self.coded.values(name)[self.rows if at is None else self.rows[at]]

    def distinct(self, codes: np.ndarray, values: Any, keep: np.ndarray | None = None) -> list[list]:
        """Per edge, the distinct values (by ``codes``, in edge order) in time order; ``keep``: rows
        allowed; ``values(positions)``: the values at those positions in edge order."""
        if keep is not None and not keep.any():  # nothing to list (no rule ids, say)
            return [[] for _ in range(self.n)]
        first = self.first_each(codes)
        if keep is not None:
            first = first[keep[first]]
        return _slices(values(first), np.searchsorted(self.group[first], np.arange(self.n + 1)))

    def first_each(self, codes: np.ndarray) -> np.ndarray:
        """Positions (edge order) of the first row of each (edge, code): with few codes, the least
        row of each cell of a dense table (no hashing), else ``_first_of_each``."""
        key = _key(self.group, codes)
        size = int(key.max(initial=-1)) + 1
        if size > 4 * len(key) + 4096:
            return _first_of_each(key)
        least = np.full(size, len(key), dtype=np.int64)
        np.minimum.at(least, key, np.arange(len(key)))
        return np.sort(least[least < len(key)])

    def distinct_of(self, name: str, truthy_only: bool = False) -> list[list]:
        codes = self.coded(name)[0][self.rows]
        keep = self.coded.truthy(name)[self.rows] if truthy_only else None
        return self.distinct(codes, lambda at: self.column(name, at), keep)

    def distinct_text(self, name: str) -> list[list]:
        """``distinct_of`` for a column of mostly distinct strings (quotes), without coding it:
        rows sorted on their (edge, string hash), the least row of each run kept, and every other
        row checked equal to the row kept for it (else ``distinct_of``), so the lists are exact.
        The strings are hashed in row order: in edge order each is a cache miss."""
        values = self.coded.values(name)
        try:
            hashes = np.fromiter(map(hash, values), dtype=np.int64, count=len(values))[self.rows]
        except TypeError:  # an unhashable value
            return self.distinct_of(name)
        key = hashes.view(np.uint64) ^ (self.group.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15))
        if not len(key):
            return []
        order = np.argsort(key)
        ordered = key[order]
        change = np.append(True, ordered[1:] != ordered[:-1])
        least = np.minimum.reduceat(order, np.flatnonzero(change))  # per run, its first row in edge order
        kept = least[np.cumsum(change) - 1]  # per sorted row, the row kept for it
        dup, kept = order[order != kept], kept[order != kept]
        same = values[self.rows[dup]] == values[self.rows[kept]]
        if not ((self.group[dup] == self.group[kept]).all() and np.all(same)):
            return self.distinct_of(name)  # two strings (or edges) shared a key, or a value unequal to itself
        first = np.sort(least)
        return _slices(self.column(name, first), np.searchsorted(self.group[first], np.arange(self.n + 1)))

    def per_edge(self, values: np.ndarray) -> list[list]:
        """Every value of each edge, in time order."""
        return _slices(values, np.append(self.starts, len(self.rows)))

    def first_last(self, name: str, present: np.ndarray) -> tuple[list, list]:
        """Per edge, the first and the last of its values where ``present`` (None when it has none)."""
        where = np.flatnonzero(present)
        if not len(where):
            return [None] * self.n, [None] * self.n
        lo = np.searchsorted(self.group[where], np.arange(self.n), "left")
        hi = np.searchsorted(self.group[where], np.arange(self.n), "right")
        has = hi > lo
        values = np.append(self.column(name, where[np.where(has, lo, 0)]), None)
        first = np.where(has, np.arange(self.n), self.n)
        last_values = np.append(self.column(name, where[np.where(has, hi - 1, 0)]), None)
        return values[first].tolist(), last_values[first].tolist()

    def total(self, values: np.ndarray) -> np.ndarray:
        return np.bincount(self.group, weights=values, minlength=self.n)


def _slices(values: np.ndarray, bounds: np.ndarray) -> list[list]:
    """``values[bounds[i]:bounds[i + 1]]`` as a list for each i (the lists of consecutive edges).

    Each slice is listed straight from the array: a list of all the values, sliced, would touch
    every value's object twice more (references taken and dropped), a cache miss each when the
    objects lie scattered in memory (a million statement ids in edge order)."""
    bounds = bounds.tolist()
    return [values[i:j].tolist() for i, j in zip(bounds[:-1], bounds[1:])]


def _sources(edges: _Edges) -> list[list]:
    """Per edge, the distinct article origins (URL, else path) in time order, empty ones left out."""
    coded = edges.coded
    (url, url_values), (path, path_values) = coded("url"), coded("path")
    joint, values = pd.factorize(np.concatenate([url_values, path_values]))
    url_ok, path_ok = coded.truthy("url"), coded.truthy("path")
    ref = np.where(url_ok, np.append(joint[: len(url_values)], -1)[url],
                   np.where(path_ok, np.append(joint[len(url_values):], -1)[path], -1))[edges.rows]  # fmt: skip
    values = np.asarray(values, dtype=object)
    return edges.distinct(ref, lambda at: values[ref[at]], ref >= 0)


#: Edge attributes that carry the evidence itself: what an export writes, what neither a drawing
#: nor a table reads (the app's panel reads quotes from the statements frame).
EVIDENCE_ATTRIBUTES = ("quotes", "statement_ids", "titles", "sources")


def build_graph(df: pd.DataFrame, evidence: bool = True) -> nx.MultiDiGraph:
    """The aggregated graph: one edge per (source, target, stance), key = stance.

    List attributes hold distinct values in time order; ``titles`` runs parallel
    to ``articles``; ``statement_ids`` lists every statement behind the edge.
    Each column is hashed once (``_Coded``) and grouping and the distinct lists
    are computed on integer codes, so only the edges themselves are built in Python.
    ``evidence=False`` leaves out ``EVIDENCE_ATTRIBUTES`` (the app's filtered views: about
    a third of the time and most of the memory of a build).
    """
    with no_gc():
        coded = _Coded(df)
        G = nx.MultiDiGraph(kind="aggregated", statements=len(df))
        G.add_nodes_from(_node_attributes(df, coded).items())
        e = _Edges(df, coded)
        add_new_edges(G, _aggregated_edges(df, coded, e, evidence))
        return annotate(G, inplace=True, edges=_edge_arrays(G, df, coded, e))


def _edge_arrays(G: nx.MultiDiGraph, df: pd.DataFrame, coded: _Coded, e: _Edges) -> _EdgeArrays:
    """What ``annotate`` reads from ``G``, taken from the new edges' arrays without walking the graph.

    ``G.edges`` lists them by source (in node order), then by target in the order each
    (source, target) pair first got an edge, then by key in insertion order: a stable sort."""
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    head = e.rows[e.starts]
    src, dst = (np.array([index[v] for v in coded(c)[1].tolist()], dtype=np.int64)[coded(c)[0][head]]
                for c in ("source", "target"))  # fmt: skip
    pair = pd.factorize(src * max(len(nodes), 1) + dst)[0]
    order = np.lexsort((pair, src))
    sign = df["sign"].to_numpy()[head]
    return _EdgeArrays.of(nodes, src[order], dst[order], e.sizes[order], sign[order])


def add_new_edges(G: nx.MultiDiGraph, edges: list[tuple[str, str, str, dict[str, Any]]]) -> None:
    """``G.add_edges_from(edges)`` for distinct (u, v, key) edges between nodes already in ``G``.

    networkx copies each data dict and looks the edge up through its views again: a third
    of a second for 100,000 edges. Here each data dict becomes the edge's dict, stored
    where ``MultiDiGraph.add_edge`` stores it (one key dict per (u, v), shared by both ends)."""
    if type(G) is not nx.MultiDiGraph or not hasattr(nx, "_clear_cache"):  # pragma: no cover - other networkx
        G.add_edges_from(edges)
        return
    succ, pred = G._succ, G._pred
    for u, v, key, data in edges:
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = G.edge_key_dict_factory()
        keydict[key] = data
    nx._clear_cache(G)


def _aggregated_edges(
    df: pd.DataFrame, coded: _Coded, e: _Edges, evidence: bool = True
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(source, target, stance, attributes) per aggregated edge, in the order of their first statements."""
    curated = [c for c in CURATION_COUNTS if c in df]  # statements from a store: corrected / manual counts
    art_first = e.first_each(coded("article_id", sort=True)[0][e.rows])
    art_bounds = np.searchsorted(e.group[art_first], np.arange(e.n + 1))
    first_dates, last_dates = e.first_last("date", coded.truthy("date")[e.rows])
    conf = (e.total(df["confidence"].to_numpy(dtype="float64")[e.rows]) / np.maximum(e.sizes, 1)).tolist()
    flags = {c: e.total(df[c].to_numpy(dtype="int64")[e.rows]).astype(int).tolist() for c in curated}
    head = e.rows[e.starts]
    arts = _slices(e.column("article_id", art_first), art_bounds)
    columns = zip(coded.values("source")[head].tolist(), coded.values("target")[head].tolist(),
                  coded.values("stance")[head].tolist(), df["sign"].to_numpy()[head].tolist(), e.sizes.tolist(),
                  e.distinct_of("relation"), e.distinct_of("rule", truthy_only=True), arts, first_dates, last_dates,
                  conf)  # fmt: skip
    edges = [(source, target, stance, {
        "stance": stance, "sign": int(sign), "weight": size, "relations": relations, "rules": rules, "articles": a,
        "first_date": first, "last_date": last, "confidence": c,
    }) for source, target, stance, sign, size, relations, rules, a, first, last, c in columns]  # fmt: skip
    if evidence:  # EVIDENCE_ATTRIBUTES
        titles = _slices(e.column("title", art_first), art_bounds)
        for (*_, d), quotes, ids, t, sources in zip(edges, e.distinct_text("quote"), e.per_edge(e.column("id")),
                                                    titles, _sources(e)):  # fmt: skip
            d["quotes"], d["statement_ids"], d["titles"], d["sources"] = quotes, ids, t, sources
    for k in curated:
        for (*_, d), n in zip(edges, flags[k]):
            d[k] = n
    return edges


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
