"""What a reader wants beside the picture: allies, rankings, balance, camps, quotes.

Every function works on either graph from ``actorgraph.graph`` (aggregated or
per-statement): an edge without ``weight`` counts as one statement. Ties are
read undirected for balance and camps: A supporting B and B opposing A net
out, and a pair whose support and opposition cancel exactly has no sign.
"""
from __future__ import annotations

from collections import Counter, defaultdict, deque
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

#: Components larger than this skip the dense eigen-decomposition (cubic cost)
#: and start the camp search from a sign-respecting breadth-first colouring.
DENSE_LIMIT = 2000


def annotate(G: nx.MultiDiGraph, *, inplace: bool = False, edges: _EdgeArrays | None = None) -> nx.MultiDiGraph:
    """Add ``weighted_degree``, ``pagerank`` and ``camp`` to every node.

    Returns a copy unless ``inplace``: graphs cached by the app stay untouched.
    ``build_graph``/``build_multigraph`` already call this. The edges are read once
    into arrays (``_EdgeArrays``) shared by the three measures; a builder that has
    them already (``build_graph``) passes them as ``edges``.
    """
    H = G if inplace else G.copy()
    edges = _EdgeArrays(H) if edges is None else edges
    degree = edges.degree()
    rank = edges.pagerank()
    camp = camps(H, ties=edges.signed_ties())
    for i, (_, attrs) in enumerate(H.nodes(data=True)):  # the order of ``edges.nodes``
        attrs["weighted_degree"] = int(degree[i])
        attrs["pagerank"] = float(rank[i])
        attrs["camp"] = int(camp.get(edges.nodes[i], -1))
    return H


def _weight(d: dict[str, Any]) -> float:
    return d.get("weight", 1)


class _EdgeArrays:
    """Every edge as (source index, target index, weight, sign), in ``G.edges`` order."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.nodes = list(G)
        index = {v: i for i, v in enumerate(self.nodes)}
        src, dst, weight, sign = [], [], [], []
        for u, v, d in G.edges(data=True):
            src.append(index[u])
            dst.append(index[v])
            weight.append(d.get("weight", 1))
            sign.append(d.get("sign", 0))
        self._set(src, dst, weight, sign)

    @classmethod
    def of(cls, nodes: list[str], src: Any, dst: Any, weight: Any, sign: Any) -> _EdgeArrays:
        """From arrays a builder holds: node indices into ``nodes``, in ``G.edges`` order."""
        edges = cls.__new__(cls)
        edges.nodes = nodes
        edges._set(src, dst, weight, sign)
        return edges

    def _set(self, src: Any, dst: Any, weight: Any, sign: Any) -> None:
        self.src, self.dst = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)
        self.weight, self.sign = np.asarray(weight, dtype=float), np.asarray(sign, dtype=float)

    def degree(self) -> np.ndarray:
        """Weighted degree, in and out (a self-loop counts twice, as networkx counts it)."""
        n = len(self.nodes)
        return np.bincount(self.src, self.weight, minlength=n) + np.bincount(self.dst, self.weight, minlength=n)

    def pagerank(self, **kw: Any) -> np.ndarray:
        support = self.sign > 0
        return _pagerank(len(self.nodes), self.src[support], self.dst[support], self.weight[support], **kw)

    def signed_ties(self) -> dict[tuple[str, str], float]:
        """As ``signed_ties``: pairs in order of first appearance, each summed in edge order."""
        keep = self.src != self.dst
        if not keep.any():
            return {}
        rank = np.empty(len(self.nodes), dtype=np.int64)
        rank[sorted(range(len(self.nodes)), key=self.nodes.__getitem__)] = np.arange(len(self.nodes))
        u, v = self.src[keep], self.dst[keep]
        swap = rank[u] > rank[v]
        lo, hi = np.where(swap, v, u), np.where(swap, u, v)
        pair, first = pd.factorize(lo * len(self.nodes) + hi)
        net = np.bincount(pair, weights=(self.sign * self.weight)[keep])
        pairs = zip((first // len(self.nodes)).tolist(), (first % len(self.nodes)).tolist(), net.tolist())
        return {(self.nodes[a], self.nodes[b]): w for a, b, w in pairs if w != 0}


def pagerank(G: nx.MultiDiGraph, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 500) -> dict[str, float]:
    """PageRank on the support edges only (weighted): who is backed by the backed.

    A power iteration in numpy with networkx's conventions (dangling nodes
    spread evenly), so scipy is not needed. Actors with no support edges keep
    the teleport share.
    """
    edges = _EdgeArrays(G)
    rank = edges.pagerank(alpha=alpha, tol=tol, max_iter=max_iter)
    return {v: float(rank[i]) for i, v in enumerate(edges.nodes)}


def _pagerank(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, alpha: float = 0.85, tol: float = 1e-10,
              max_iter: int = 500) -> np.ndarray:  # fmt: skip
    if n == 0:
        return np.zeros(0)
    out = np.bincount(src, weights=w, minlength=n)
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        share = np.divide(x, out, out=np.zeros(n), where=~dangling)
        new = alpha * np.bincount(dst, weights=w * share[src], minlength=n)
        new += (1.0 - alpha + alpha * x[dangling].sum()) / n
        done = np.abs(new - x).sum() < n * tol
        x = new
        if done:
            break
    return x


def signed_ties(G: nx.MultiDiGraph) -> dict[tuple[str, str], float]:
    """Undirected net tie per pair (sum of sign x weight both ways); zero nets dropped."""
    net: dict[tuple[str, str], float] = defaultdict(float)
    for u, v, d in G.edges(data=True):
        if u != v:
            net[(u, v) if u < v else (v, u)] += d.get("sign", 0) * _weight(d)
    return {pair: w for pair, w in net.items() if w != 0}


def balance(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Structural balance: triangles of signed ties whose sign product is positive.

    Returns ``triads`` (closed signed triangles), ``balanced``, ``unbalanced``
    and ``share`` (balanced / triads; None when there is no triangle).
    Counted with set intersections per tie: each triangle is seen from its
    three ties, hence the division by three.
    """
    pos: dict[str, set] = defaultdict(set)
    neg: dict[str, set] = defaultdict(set)
    ties = signed_ties(G)
    for (u, v), w in ties.items():
        (pos if w > 0 else neg)[u].add(v)
        (pos if w > 0 else neg)[v].add(u)
    same = other = balanced = 0
    for (u, v), w in ties.items():
        s = len(pos[u] & pos[v]) + len(neg[u] & neg[v])  # third tie signs agree
        o = len(pos[u] & neg[v]) + len(neg[u] & pos[v])
        same += s
        other += o
        balanced += s if w > 0 else o
    triads = (same + other) // 3
    balanced //= 3
    return {
        "triads": triads,
        "balanced": balanced,
        "unbalanced": triads - balanced,
        "share": balanced / triads if triads else None,
    }


def camps(G: nx.MultiDiGraph, ties: dict[tuple[str, str], float] | None = None) -> dict[str, int]:
    """Split actors into camps: supporters together, opponents apart.

    Per connected component of signed ties, the sign pattern of the eigenvector
    of the smallest eigenvalue of the signed Laplacian (D - A, D = sum of |A|)
    gives two camps; a greedy pass then moves any actor that has more net
    support on the other side. A component without opposition is one camp.
    Camps are numbered by size, largest first (0, 1, ...); actors whose ties
    all cancel out are camps of their own.
    """
    adj: dict[str, dict[str, float]] = {v: {} for v in G}
    for (u, v), w in (signed_ties(G) if ties is None else ties).items():
        adj[u][v] = w
        adj[v][u] = w
    groups: list[list[str]] = []
    seen: set[str] = set()
    for start in sorted(adj):
        if start in seen:
            continue
        comp = _component(adj, start)
        seen.update(comp)
        if all(w > 0 for v in comp for w in adj[v].values()):
            groups.append(sorted(comp))
            continue
        side = _spectral_sides(adj, comp) if len(comp) <= DENSE_LIMIT else _bfs_sides(adj, comp)
        side = _refine(adj, comp, side)
        for s in (1, -1):
            members = sorted(v for v in comp if side[v] == s)
            if members:
                groups.append(members)
    groups.sort(key=lambda g: (-len(g), g[0]))
    return {v: i for i, g in enumerate(groups) for v in g}


def _component(adj: dict[str, dict[str, float]], start: str) -> list[str]:
    comp, queue, seen = [], deque([start]), {start}
    while queue:
        v = queue.popleft()
        comp.append(v)
        for u in adj[v]:
            if u not in seen:
                seen.add(u)
                queue.append(u)
    return sorted(comp)


def _spectral_sides(adj: dict[str, dict[str, float]], comp: list[str]) -> dict[str, int]:
    index = {v: i for i, v in enumerate(comp)}
    A = np.zeros((len(comp), len(comp)))
    for v in comp:
        for u, w in adj[v].items():
            A[index[v], index[u]] = w
    L = np.diag(np.abs(A).sum(axis=1)) - A
    vec = _lowest_eigenvector(L)
    if vec[0] < 0:  # eigenvector sign is arbitrary: anchor on the first actor
        vec = -vec
    return {v: 1 if vec[index[v]] >= 0 else -1 for v in comp}


#: Above this many actors the lowest eigenvector comes from sparse shift-invert Lanczos (scipy),
#: not a full dense decomposition: 2,000 actors take ~1 s instead of ~20 s on the shared machine.
SPARSE_FROM = 300


def _lowest_eigenvector(L: np.ndarray) -> np.ndarray:
    """Eigenvector of the smallest eigenvalue of the symmetric matrix ``L``."""
    if len(L) > SPARSE_FROM:
        try:
            from scipy.sparse import csr_matrix
            from scipy.sparse.linalg import ArpackNoConvergence, eigsh

            try:  # shift-invert just below 0 (L is positive semi-definite): few iterations
                return eigsh(csr_matrix(L).tocsc(), k=1, sigma=-1e-3, which="LM")[1][:, 0]
            except (ArpackNoConvergence, RuntimeError):
                pass
        except ImportError:
            pass
    return np.linalg.eigh(L)[1][:, 0]


def _bfs_sides(adj: dict[str, dict[str, float]], comp: list[str]) -> dict[str, int]:
    """Colour outward from the first actor: same side across support, other across opposition."""
    side = {comp[0]: 1}
    queue = deque([comp[0]])
    while queue:
        v = queue.popleft()
        for u, w in adj[v].items():
            if u not in side:
                side[u] = side[v] if w > 0 else -side[v]
                queue.append(u)
    return side


def _refine(adj: dict[str, dict[str, float]], comp: list[str], side: dict[str, int], passes: int = 50) -> dict[str, int]:
    """Move actors whose net tie to the other side outweighs their own side (lowers frustration)."""
    side = dict(side)
    for _ in range(passes):
        moved = False
        for v in comp:
            pull = sum(w * side[u] for u, w in adj[v].items())
            if pull * side[v] < 0:
                side[v] = -side[v]
                moved = True
        if not moved:
            break
    return side


# --------------------------------------------------------------------------- per actor


def allies_opponents(G: nx.MultiDiGraph, actor: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Counterparts the actor supports or is supported by (allies), and likewise for opposition.

    Counts are statements in both directions; ranked by count, then name.
    """
    allies: Counter = Counter()
    opponents: Counter = Counter()
    if actor in G:
        edges = list(G.out_edges(actor, data=True)) + [(v, u, d) for u, v, d in G.in_edges(actor, data=True)]
        for _, other, d in edges:
            if other == actor:
                continue
            (allies if d.get("sign", 0) > 0 else opponents)[other] += int(_weight(d))
    rank = lambda c: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))  # noqa: E731
    return rank(allies), rank(opponents)


def _ranked_text(pairs: list[tuple[str, int]], top: int | None) -> str:
    shown = pairs if top is None else pairs[:top]
    text = ", ".join(f"{name} ({n})" for name, n in shown)
    return text + (f", +{len(pairs) - len(shown)} more" if len(shown) < len(pairs) else "")


ACTOR_COLUMNS = [
    "name", "type", "affiliation", "role", "mentions", "articles", "supports_given", "opposes_given",
    "supports_received", "opposes_received", "weighted_degree", "pagerank", "camp", "allies", "opponents",
]  # fmt: skip


def actor_table(G: nx.MultiDiGraph, top: int | None = 5, ties: bool = True) -> pd.DataFrame:
    """One row per actor, most connected first; allies/opponents as "Name (n), ..." (``top`` shown).

    ``ties=False`` leaves allies and opponents empty (``actor_ties`` fills them for the rows shown)."""
    rows = []
    for n, d in G.nodes(data=True):
        row = {c: d.get(c) for c in ACTOR_COLUMNS}
        row.update({c: row[c] or "" for c in ("type", "affiliation", "role")})
        row.update(name=d.get("name", n), allies="", opponents="")
        if ties:
            row.update(zip(("allies", "opponents"), actor_ties(G, n, top)))
        rows.append(row)
    table = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    if len(table):
        table = table.sort_values(["weighted_degree", "name"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)


def actor_ties(G: nx.MultiDiGraph, actor: str, top: int | None = 5) -> tuple[str, str]:
    """The actor table's allies and opponents texts for one actor."""
    allies, opponents = allies_opponents(G, actor)
    return _ranked_text(allies, top), _ranked_text(opponents, top)


# --------------------------------------------------------------------------- quotes


def _quote_records(rows: pd.DataFrame) -> list[dict[str, Any]]:
    """Quote records oldest first, each with its article's title, date and origin."""
    rows = rows.sort_values(["date", "article_id", "start"], na_position="last", kind="stable")
    cols = ["id", "source", "target", "stance", "relation", "quote", "article_id", "title", "date", "path", "url", "confidence"]
    cols += [c for c in ("rule",) if c in rows.columns]  # the rule that found it (older files lack it)
    records = rows[cols].rename(columns={"id": "statement_id"}).to_dict("records")
    for r in records:
        r["source_ref"] = r["url"] or r["path"] or ""
    return records


def edge_quotes(df: pd.DataFrame, source: str, target: str, stance: str | None = None) -> list[dict[str, Any]]:
    """The statements behind one edge, oldest first, each with its article's title, date and origin."""
    rows = df[(df["source"] == source) & (df["target"] == target)]
    if stance:
        rows = rows[rows["stance"] == stance]
    return _quote_records(rows)


def actor_quotes(df: pd.DataFrame, actor: str) -> list[dict[str, Any]]:
    """Everything said by or about an actor, grouped by counterpart, direction and stance.

    Each group: ``counterpart``, ``direction`` ("given" when the actor is the
    source, "received" when it is the target), ``stance``, ``count`` and
    ``quotes`` (as ``edge_quotes``). Largest groups first.
    """
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    mine = df[(df["source"] == actor) | (df["target"] == actor)]
    for q in _quote_records(mine):
        for direction, me, other in (("given", "source", "target"), ("received", "target", "source")):
            if q[me] == actor:
                grouped.setdefault((q[other], direction, q["stance"]), []).append(q)
    groups = [
        {"counterpart": c, "direction": d, "stance": s, "count": len(qs), "quotes": qs}
        for (c, d, s), qs in grouped.items()
    ]
    groups.sort(key=lambda g: (-g["count"], g["counterpart"], g["direction"], g["stance"]))
    return groups
