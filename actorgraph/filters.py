"""Filters on the statements frame: pure functions shared by the CLI and the app.

Filtering selects rows of the frame; the graph is then built from what is left
(``filtered_graph``). Steps run in this order:

1. statement filters: stance, relation, actor types (both ends), date range,
   articles, sources, minimum confidence, text search (either end's name or
   an alias it was written as), quote search (words in the sentence itself);
2. minimum weight, per aggregated (source, target, stance) edge;
3. focus actor: its ego network within ``hops`` undirected steps;
4. top N actors by weighted degree (statements they take part in).

An empty or None choice means "no filter". Steps 1-4 never leave an isolated
actor in a graph built from the frame; ``drop_isolated=False`` adds back the
actors that the actor-level choices (types, search, focus, top N) select but
whose statements the other filters removed.
"""
from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from .graph import add_isolated, build_graph, build_multigraph, source_ref

_TUPLES = ("stances", "relations", "actor_types", "articles", "sources")


@dataclass(frozen=True)
class Filters:
    """Every option defaults to no filtering. Frozen and hashable, so the app can cache on it."""

    stances: tuple[str, ...] | None = None
    relations: tuple[str, ...] | None = None
    actor_types: tuple[str, ...] | None = None
    date_from: str | None = None  # ISO prefix: "2015", "2015-08" or "2015-08-08", inclusive
    date_to: str | None = None
    articles: tuple[str, ...] | None = None  # article ids
    sources: tuple[str, ...] | None = None  # article paths or URLs
    min_weight: int = 1
    min_confidence: float = 0.0
    search: str = ""
    focus: str | None = None
    hops: int = 1
    drop_isolated: bool = True
    top_n: int | None = None
    quote: str = ""  # case-insensitive text the statement's sentence must contain

    def __post_init__(self) -> None:
        # Accept lists/sets and date objects from the UI; store hashable, comparable values.
        for name in _TUPLES:
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple([value] if isinstance(value, str) else value))
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if isinstance(value, (dt.date, dt.datetime)):
                object.__setattr__(self, name, value.isoformat()[:10])

    def is_default(self) -> bool:
        return self == Filters()


def resolve_actor(df: pd.DataFrame, name: str) -> str | None:
    """The actor a user means: exact name, else name ignoring case, else a written alias."""
    name = name.strip()
    names = pd.unique(pd.concat([df["source"], df["target"]]))
    if name in set(names):
        return name
    lowered = {n.lower(): n for n in sorted(names)}
    if name.lower() in lowered:
        return lowered[name.lower()]
    ends = _endpoints(df)
    hits = ends[ends["mention"].str.lower() == name.lower()]
    if len(hits):
        return hits["actor"].value_counts().sort_index().idxmax()
    return None


def _endpoints(df: pd.DataFrame) -> pd.DataFrame:
    """Each statement end as (actor, type, mention) rows."""
    return pd.concat(
        [
            pd.DataFrame({"actor": df["source"], "type": df["source_type"], "mention": df["source_mention"]}),
            pd.DataFrame({"actor": df["target"], "type": df["target_type"], "mention": df["target_mention"]}),
        ],
        ignore_index=True,
    ).astype(object)


def search_actors(df: pd.DataFrame, text: str) -> set[str]:
    """Actors whose name or any written alias contains ``text`` (case-insensitive)."""
    q = text.strip().lower()
    ends = _endpoints(df)[["actor", "mention"]].drop_duplicates()
    hit = ends["actor"].str.lower().str.contains(q, regex=False) | ends["mention"].fillna("").str.lower().str.contains(
        q, regex=False
    )
    return set(ends.loc[hit, "actor"])


def _ego(df: pd.DataFrame, actor: str, hops: int) -> set[str]:
    """Actors within ``hops`` undirected steps of ``actor`` over the frame's edges."""
    adj: dict[str, set[str]] = {}
    for u, v in df[["source", "target"]].drop_duplicates().itertuples(index=False):
        adj.setdefault(u, set()).add(v)
        adj.setdefault(v, set()).add(u)
    seen, frontier = {actor}, deque([(actor, 0)])
    while frontier:
        v, d = frontier.popleft()
        if d < hops:
            for u in adj.get(v, ()):
                if u not in seen:
                    seen.add(u)
                    frontier.append((u, d + 1))
    return seen


def _top_actors(df: pd.DataFrame, n: int) -> set[str]:
    """The ``n`` actors in most statements; ties by name so the cut is stable."""
    counts = pd.concat([df["source"], df["target"]]).value_counts()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {a for a, _ in ranked[:n]}


def _date_mask(dates: pd.Series, date_from: str | None, date_to: str | None) -> np.ndarray:
    """Dated rows within [date_from, date_to] (ISO prefixes, inclusive), decided once per distinct date."""
    codes, uniques = pd.factorize(dates)
    text = pd.Series(uniques, dtype=object).astype(str)
    ok = (text != "").to_numpy().copy()
    if date_from:
        ok &= (text >= date_from).to_numpy()
    if date_to:
        ok &= (text.str.slice(0, len(date_to)) <= date_to).to_numpy()
    return np.append(ok, False)[codes]  # code -1 (missing) picks the False at the end


def _between(df: pd.DataFrame, actors: set[str]) -> pd.Series:
    return df["source"].isin(actors) & df["target"].isin(actors)


def _heavy_edges(df: pd.DataFrame, mask: np.ndarray, min_weight: int) -> np.ndarray:
    """``mask`` narrowed to rows whose (source, target, stance) edge has ``min_weight`` rows in it.

    Counted on the three columns of the masked rows only, so the frame is taken once."""
    rows = np.flatnonzero(mask)
    if not len(rows):
        return mask
    codes = [pd.factorize(df[c].to_numpy()[rows])[0].astype(np.int64) + 1 for c in ("source", "target", "stance")]
    key = (codes[0] * (codes[1].max() + 1) + codes[1]) * (codes[2].max() + 1) + codes[2]
    edge = pd.factorize(key)[0]
    heavy = np.bincount(edge)[edge] >= min_weight
    out = np.zeros(len(mask), dtype=bool)
    out[rows[heavy]] = True
    return out


def _apply(df: pd.DataFrame, f: Filters) -> tuple[pd.DataFrame, set[str] | None]:
    """The surviving statements and the actors the node-level choices select (None: no choice)."""
    mask = pd.Series(True, index=df.index)
    selected: set[str] | None = None
    if f.stances:
        mask &= df["stance"].isin(f.stances)
    if f.relations:
        mask &= df["relation"].isin(f.relations)
    if f.actor_types:
        mask &= df["source_type"].isin(f.actor_types) & df["target_type"].isin(f.actor_types)
        ends = _endpoints(df)
        selected = set(ends.loc[ends["type"].isin(f.actor_types), "actor"])
    if f.date_from or f.date_to:
        mask &= _date_mask(df["date"], f.date_from, f.date_to)
    if f.articles:
        mask &= df["article_id"].isin(f.articles)
    if f.sources:
        mask &= df["path"].isin(f.sources) | df["url"].isin(f.sources)
    if f.min_confidence > 0:
        mask &= df["confidence"] >= f.min_confidence
    if f.search.strip():
        found = search_actors(df, f.search)
        mask &= df["source"].isin(found) | df["target"].isin(found)
        selected = found if selected is None else selected & found
    if f.quote.strip():
        mask &= df["quote"].str.contains(f.quote.strip(), case=False, regex=False, na=False)
    if f.min_weight > 1:
        mask = _heavy_edges(df, mask.to_numpy(), f.min_weight)
    out = df[mask]
    if f.focus:
        actor = resolve_actor(df, f.focus)
        if actor is None:
            return out.iloc[0:0], set()
        ego = _ego(out, actor, max(0, f.hops))
        out = out[_between(out, ego)]
        selected = ego if selected is None else selected & ego
    if f.top_n is not None:
        top = _top_actors(out, max(0, f.top_n))
        out = out[_between(out, top)]
        selected = top if selected is None else selected & top
    return out, selected


def filter_frame(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The statements that survive ``f`` (a new frame; ``df`` is not changed)."""
    return _apply(df, f)[0]  # selecting rows already made a new frame


def apply(
    df: pd.DataFrame, f: Filters, *, multigraph: bool = False, evidence: bool = True
) -> tuple[pd.DataFrame, nx.MultiDiGraph]:
    """Filter, then build the aggregated (or per-statement) graph, honouring ``drop_isolated``.

    Returns the surviving statements and their graph (both new objects); ``evidence=False``:
    an aggregated graph without ``graph.EVIDENCE_ATTRIBUTES``.
    """
    out, selected = _apply(df, f)
    G = build_multigraph(out) if multigraph else build_graph(out, evidence=evidence)
    if not f.drop_isolated:
        actors = selected if selected is not None else set(df["source"]) | set(df["target"])
        G = add_isolated(G, df, sorted(actors))
    return out, G  # selecting rows already made a new frame


def filtered_graph(df: pd.DataFrame, f: Filters, *, multigraph: bool = False) -> nx.MultiDiGraph:
    """The graph of ``apply`` alone."""
    return apply(df, f, multigraph=multigraph)[1]


def choices(df: pd.DataFrame) -> dict[str, Any]:
    """What the filter widgets can offer, from the unfiltered statements."""
    dates = sorted(d for d in df["date"].dropna().unique() if d)
    articles = df.drop_duplicates("article_id")[["article_id", "title"]]
    weights = df.groupby(["source", "target", "stance"]).size()
    return {
        "stances": sorted(df["stance"].unique()),
        "relations": sorted(df["relation"].unique()),
        "actor_types": sorted(set(df["source_type"]) | set(df["target_type"])),
        "date_min": dates[0] if dates else None,
        "date_max": dates[-1] if dates else None,
        "articles": dict(sorted(zip(articles["article_id"], articles["title"]), key=lambda kv: (kv[1], kv[0]))),
        "sources": sorted({source_ref(p, u) for p, u in zip(df["path"], df["url"])} - {""}),
        "actors": sorted(set(df["source"]) | set(df["target"])),
        "max_weight": int(weights.max()) if len(weights) else 0,
    }

