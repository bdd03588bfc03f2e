"""The drawing: nodes, edges (as columns) and vis options for the Streamlit network component.

Everything here is plain Python so it can be tested without a browser or a
Streamlit session; ``app.py`` only lays out widgets and calls these functions.

Rules this module keeps:

* Article text is data. Tooltips are plain text (vis-network sets a string
  title with ``innerText``), Markdown built for the panel goes through
  ``md_escape``, and only ``http(s)`` URLs ever become links.
* A cached graph is never handed to anything that changes it: the payload is
  built from plain node/edge lists, and ``cap_graph`` returns a new graph
  (or, when nothing is left out, the graph itself: callers only read it).
* Big drawings stay responsive: above ``MAX_NODES`` only the most connected
  actors are drawn (the caller shows how many were left out); above
  ``IMPROVED_LAYOUT_LIMIT`` vis's quadratic initial layout is off, edges are
  straight and hidden while dragging; above ``PYTHON_LAYOUT_LIMIT`` positions
  come from networkx (cache them by ``graph_signature``) and vis physics is off.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import weakref
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence
from urllib.parse import urlsplit

import networkx as nx
import numpy as np
import pandas as pd

from .records import Article, Statement

COMPONENT_DIR = Path(__file__).parent / "component"
COMPONENT_NAME = "actorgraph.network"

#: Draw at most this many actors (top by weighted degree).
MAX_NODES = 300
#: ... and at most this many edges among them (the heaviest): the browser takes in and redraws
#: each one, 8,000 edges cost a filter change 0.3 s there (the header says "drawn of total").
MAX_EDGES = 3000
#: Above this many drawn actors: no improvedLayout, straight edges, edges hidden on drag.
IMPROVED_LAYOUT_LIMIT = 100
#: Above this many drawn actors positions come from Python and vis physics is off.
PYTHON_LAYOUT_LIMIT = 150
#: Bounded stabilisation (vis's default is 1000 iterations).
STABILIZATION_ITERATIONS = 200

TYPE_COLORS = {
    "country": "#4e79a7",
    "person": "#f28e2b",
    "organisation": "#59a14f",
    "group": "#b07aa1",
}
UNKNOWN_COLOR = "#9d9d9d"
#: Camp colours; camp -1 (no signed tie) is grey.
CAMP_COLORS = ["#1f77b4", "#ff7f0e", "#17becf", "#bcbd22", "#e377c2", "#8c564b", "#7f7f7f", "#9467bd"]
STANCE_COLORS = {"supports": "#2ca02c", "opposes": "#d62728"}
COLOR_MODES = ("type", "camp")
#: What a dot's size shows: label -> node attribute.
SIZE_MODES = {"statements": "weighted_degree", "mentions": "mentions", "articles": "articles", "pagerank": "pagerank"}
#: Layouts: force-directed, or grouped (one force-directed block per camp or per actor type).
LAYOUT_MODES = ("force", "camp", "type")
#: The biggest actors are labelled at every zoom; the others only where their label fits.
ALWAYS_LABELLED = 12
#: Camps are numbered from this in the app, as in every export (0 = the largest camp).
CAMP_NOTE = "Camps: actors split so that most support falls inside a camp and most opposition across; 0 is the largest."


# --------------------------------------------------------------------------- text safety


_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|~$&:=\"'^%@;,/?")


# GFM links bare "https://", "www." and "name@host" in the text *after* escapes are undone, so
# escaping cannot stop it: a word joiner (U+2060, invisible) right after the trigger does.
_AUTOLINK = re.compile(r"(?i)(?:https?|ftp)(?=://)|\bwww(?=\.)|@")


def md_escape(text: Any) -> str:
    """Markdown-safe text: every ASCII punctuation mark backslash-escaped, lines joined.

    CommonMark lets any ASCII punctuation be escaped, so nothing in a title or
    quote can open a link, an HTML tag, emphasis, LaTeX or a colour directive;
    a bare URL or e-mail address stays text (``_AUTOLINK``).
    """
    if text is None:
        return ""
    s = _AUTOLINK.sub(lambda m: m.group() + "\u2060", " ".join(str(text).split()))
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in s)


def safe_url(url: Any) -> str | None:
    """The URL if it is a plain http(s) address, else None (``javascript:`` and friends)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if any(c in url for c in "\x00\r\n\t <>\"'`\\"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def md_link(text: Any, url: Any) -> str:
    """``[text](url)`` when the URL is safe, else the escaped text alone."""
    label = md_escape(text) or md_escape(url)
    href = safe_url(url)
    if not href:
        return label
    href = href.replace("(", "%28").replace(")", "%29")
    return f"[{label}]({href})"


# --------------------------------------------------------------------------- colours and tooltips


def node_color(attrs: dict[str, Any], color_by: str = "type") -> str:
    if color_by == "camp":
        camp = attrs.get("camp")
        if isinstance(camp, int) and camp >= 0:
            return CAMP_COLORS[camp % len(CAMP_COLORS)]
        return UNKNOWN_COLOR
    return TYPE_COLORS.get(attrs.get("type") or "", UNKNOWN_COLOR)


def legend(G: nx.Graph, color_by: str = "type") -> list[dict[str, str]]:
    """Legend entries for what is drawn: node colours in use, then the two edge colours."""
    items: list[dict[str, str]] = []
    if color_by == "camp":
        camps = sorted({d.get("camp", -1) for _, d in G.nodes(data=True)}, key=lambda c: (c < 0, c))
        for c in camps:
            label = f"camp {c}" if isinstance(c, int) and c >= 0 else "no camp"
            items.append({"label": label, "color": node_color({"camp": c}, "camp"), "kind": "node"})
    else:
        present = {d.get("type") or "" for _, d in G.nodes(data=True)}
        for t, color in TYPE_COLORS.items():
            if t in present:
                items.append({"label": t, "color": color, "kind": "node"})
        if present - set(TYPE_COLORS):
            items.append({"label": "other", "color": UNKNOWN_COLOR, "kind": "node"})
    for stance, color in STANCE_COLORS.items():
        items.append({"label": stance, "color": color, "kind": "edge"})
    return items


def _plain(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


LABEL_MAX = 40  # a longer name is cut in the drawing (vis fits the view to the labels); the card has it whole


def short_label(name: Any, limit: int = LABEL_MAX) -> str:
    """The name on one line, cut with an ellipsis after ``limit`` characters."""
    text = _plain(name)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def node_tooltip(name: str, attrs: dict[str, Any]) -> str:
    """Hover text for an actor: plain text, one fact per line."""
    kind = _plain(attrs.get("type")) or "actor"
    lines = [f"{short_label(attrs.get('name', name), 4 * LABEL_MAX)} ({kind})"]
    who = ", ".join(_plain(x) for x in (attrs.get("role"), attrs.get("affiliation")) if x)
    if who:
        lines.append(who)
    lines.append(f"Mentions: {attrs.get('mentions', 0)} in {attrs.get('articles', 0)} article(s)")
    lines.append(
        f"Gives: {attrs.get('supports_given', 0)} supports, {attrs.get('opposes_given', 0)} opposes"
    )
    lines.append(
        f"Receives: {attrs.get('supports_received', 0)} supports, {attrs.get('opposes_received', 0)} opposes"
    )
    camp = attrs.get("camp")
    if isinstance(camp, int) and camp >= 0:
        lines.append(f"Camp {camp}")
    return "\n".join(lines)


def edge_tooltip(source: str, target: str, attrs: dict[str, Any]) -> str:
    """Hover text for an aggregated edge: who, stance, how often, which relations."""
    relations = attrs.get("relations") or ([attrs["relation"]] if attrs.get("relation") else [])
    articles = attrs.get("articles")
    return edge_tip(source, target, str(attrs.get("stance", "")), int(attrs.get("weight", 1) or 1),
                    [_plain(r) for r in relations], len(articles) if isinstance(articles, list) else 0,
                    attrs.get("first_date"), attrs.get("last_date"))  # fmt: skip


def edge_tip(source: str, target: str, stance: str, weight: int, relations: Sequence[str], n_articles: int,
             first: str | None, last: str | None) -> str:  # fmt: skip
    """The edge tooltip from its facts (``network.js`` ``edgeTip`` writes the same text)."""
    lines = [
        f"{short_label(source, 4 * LABEL_MAX)} {stance} {short_label(target, 4 * LABEL_MAX)}",
        f"{weight} statement{'s' if weight != 1 else ''}",
    ]
    if relations:
        lines.append("Relations: " + ", ".join(relations))
    if n_articles:
        lines.append(f"In {n_articles} article(s)")
    if first:
        lines.append(f"Dates: {first}" + (f" to {last}" if last and last != first else ""))
    return "\n".join(lines)


# --------------------------------------------------------------------------- size, cap, layout


def _rank_value(G: nx.Graph, n: Any) -> float:
    wd = G.nodes[n].get("weighted_degree")
    return float(wd) if wd is not None else float(G.degree(n, weight="weight"))


def _sides(G: nx.Graph) -> tuple[dict, ...]:
    """The adjacency dicts networkx keeps (successors and predecessors, or the one of an undirected
    graph), read directly: walking them through ``G.adj`` views cost the capped copy and the
    drawing's payload a Python call per edge. Read only."""
    return (G._succ, G._pred) if G.is_directed() else (G._adj,)


def _edge_list(G: nx.Graph) -> list[tuple[Any, Any, Any, dict]]:
    """(u, v, key, data) of every edge (key None in a simple graph), as ``G.edges`` lists them."""
    if not G.is_directed():
        if G.is_multigraph():
            return list(G.edges(keys=True, data=True))
        return [(u, v, None, d) for u, v, d in G.edges(data=True)]
    if G.is_multigraph():
        return [(u, v, k, d) for u, nbrs in G._succ.items() for v, kd in nbrs.items() for k, d in kd.items()]
    return [(u, v, None, d) for u, nbrs in G._succ.items() for v, d in nbrs.items()]


def edge_count(G: nx.Graph) -> int:
    """``G.number_of_edges()`` without its views (a pass over every actor through three of them)."""
    if not G.is_directed():
        return G.number_of_edges()
    if G.is_multigraph():
        return sum(len(kd) for nbrs in G._succ.values() for kd in nbrs.values())
    return sum(len(nbrs) for nbrs in G._succ.values())


def cap_graph(
    G: nx.Graph, max_nodes: int | None = MAX_NODES, keep: Iterable[str] = (), drop_orphans: bool = True,
    max_edges: int | None = None,
) -> tuple[nx.Graph, int]:
    """At most ``max_nodes`` actors, the most connected first (ties by name); returns (graph, left out).

    The graph is a copy, or a read-only view of ``G`` when nothing is left out.

    Actors in ``keep`` (the selected or focused one) stay when present. With
    ``drop_orphans``, actors whose every tie led to a left-out actor go too
    (drawn alone they would only say "not shown"). With ``max_edges``, only that
    many edges among the actors drawn are kept, the heaviest (most statements) first:
    the browser takes in and redraws every drawn edge, 0.3 s for 8,000 on a filter change.
    """
    n = G.number_of_nodes()
    cut_nodes = max_nodes is not None and n > max_nodes
    if not cut_nodes and (max_edges is None or edge_count(G) <= max_edges):
        return G.copy(as_view=True), 0  # read-only view: copying 10,000 edges cost 0.1 to 0.5 s
    chosen = _top_actors(G, max(0, int(max_nodes)), keep, drop_orphans) if cut_nodes else list(G)
    return _induced_copy(G, chosen, max_edges), n - len(chosen)


def _top_actors(G: nx.Graph, max_nodes: int, keep: Iterable[str], drop_orphans: bool) -> list:
    """The actors ``cap_graph`` draws (see there)."""
    must = [k for k in dict.fromkeys(keep) if k in G][:max_nodes]
    kept = set(must)
    ranked = sorted((v for v in G.nodes if v not in kept), key=lambda v: (-_rank_value(G, v), str(v)))
    chosen = must + ranked[: max_nodes - len(must)]
    if not drop_orphans:
        return chosen
    inside, sides = set(chosen), _sides(G)
    return [v for v in chosen if v in kept or not any(side[v] for side in sides)
            or any(w in inside for side in sides for w in side[v])]  # fmt: skip


def heaviest_edges(edges: list[tuple], max_edges: int | None) -> list[tuple]:
    """The ``max_edges`` (u, v, key, data) edges with the most statements (``weight``; ties by
    their ends and key), in their given order; all of them when there are no more."""
    if max_edges is None or len(edges) <= max_edges:
        return edges
    order = sorted(range(len(edges)), key=lambda i: (-(edges[i][3].get("weight") or 1), str(edges[i][0]),
                                                       str(edges[i][1]), str(edges[i][2])))  # fmt: skip
    return [edges[i] for i in sorted(order[: max(0, int(max_edges))])]


def _induced_copy(G: nx.Graph, nodes: list, max_edges: int | None = None) -> nx.Graph:
    """``G.subgraph(nodes).copy()`` without the filtered views (a tenth of the time), keeping at most
    ``max_edges`` edges (``heaviest_edges``); nodes in ``G``'s order, as the subgraph has them.
    Edge dicts are copied (shallow), as networkx does."""
    inside = set(nodes)
    nodes = [v for v in G if v in inside]
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((v, G.nodes[v]) for v in nodes)
    succ = _sides(G)[0]
    if G.is_multigraph():
        edges = [(u, v, k, d) for u in nodes for v, kd in succ[u].items() if v in inside for k, d in kd.items()]
    else:
        edges = [(u, v, None, d) for u in nodes for v, d in succ[u].items() if v in inside]
    if not G.is_directed():  # each edge is listed from both ends
        seen: set = set()
        edges = [e for e in edges if not ((e[1], e[0], e[2]) in seen or seen.add(e[:3]))]
    edges = heaviest_edges(edges, max_edges)
    if G.is_multigraph() and G.is_directed():
        from .graph import add_new_edges  # each edge's dict copied once, not looked up again

        add_new_edges(H, [(u, v, k, d.copy()) for u, v, k, d in edges])
    elif G.is_multigraph():
        H.add_edges_from((u, v, k, d) for u, v, k, d in edges)
    else:
        H.add_edges_from((u, v, d) for u, v, _, d in edges)
    return H


def graph_signature(G: nx.Graph) -> str:
    """Content hash of a graph's structure: the cache key for its layout."""
    h = hashlib.sha1()
    for n in sorted(map(str, G.nodes)):
        h.update(n.encode("utf-8") + b"\x1e")
    h.update(b"\x1d")
    ends = [(str(u), str(v)) for u, v, _, _ in _edge_list(G)] if G.is_directed() else [(str(u), str(v)) for u, v in G.edges()]
    h.update(b"".join(u.encode("utf-8") + b"\x1f" + v.encode("utf-8") + b"\x1e" for u, v in sorted(ends)))
    return h.hexdigest()[:20]


def _force_layout(n: int, a, b, seed: int, iterations: int):
    """Fruchterman-Reingold on nodes 0..n-1 with edges (a[i], b[i]); ideal edge length 1.

    Exact repulsion, vectorised in float32 numpy (networkx's ``spring_layout``
    takes ~10 s on 1500 actors; this ~0.6 s), plus a weak pull to the centre.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    x, y = ((rng.random((2, n)) - 0.5) * math.sqrt(n)).astype(np.float32)
    temp = math.sqrt(n) * 0.1
    cool = temp / (iterations + 1)
    eps, pull = np.float32(0.01), np.float32(0.05)
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        inv = dx * dx
        inv += dy * dy
        inv += eps
        np.reciprocal(inv, out=inv)  # repulsion 1/d along the unit vector = d_vec / d^2
        fx = (dx * inv).sum(1)
        fy = (dy * inv).sum(1)
        if len(a):
            ex, ey = x[a] - x[b], y[a] - y[b]
            dist = np.sqrt(ex * ex + ey * ey)  # attraction d^2 along the unit vector
            gx, gy = ex * dist, ey * dist
            fx += (np.bincount(b, gx, n) - np.bincount(a, gx, n)).astype(np.float32)
            fy += (np.bincount(b, gy, n) - np.bincount(a, gy, n)).astype(np.float32)
        fx -= x * pull
        fy -= y * pull
        length = np.sqrt(fx * fx + fy * fy) + np.float32(1e-9)
        step = np.minimum(length, np.float32(temp)) / length
        x += fx * step
        y += fy * step
        temp -= cool
    return x - x.mean(), y - y.mean()


def layout_positions(G: nx.Graph, seed: int = 7, iterations: int = 60, unit: float = 60.0) -> dict[str, tuple[float, float]]:
    """Force-directed positions in vis pixels, deterministic by seed; ``unit`` is the edge length.

    The largest connected part is laid out on its own; smaller parts and
    lone actors are laid out separately and packed in rows underneath, so
    they are not flung to the edge of the canvas by the big part's repulsion.
    """
    import numpy as np

    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    placed: list[tuple[list, Any, Any]] = []  # nodes, x, y (units, centred)
    for nodes in parts:
        n = len(nodes)
        if n == 1:
            x, y = np.zeros(1, np.float32), np.zeros(1, np.float32)
        elif n == 2:
            x, y = np.array([-0.5, 0.5], np.float32), np.zeros(2, np.float32)
        else:
            index = {v: i for i, v in enumerate(nodes)}
            pairs = sorted({(index[u], index[v]) for u, v in H.subgraph(nodes).edges()})
            a = np.array([p[0] for p in pairs], dtype=np.int64)
            b = np.array([p[1] for p in pairs], dtype=np.int64)
            x, y = _force_layout(n, a, b, seed, iterations)
        placed.append((nodes, x, y))
    out: dict[str, tuple[float, float]] = {}
    if not placed:
        return out
    nodes, x, y = placed[0]
    for i, v in enumerate(nodes):
        out[str(v)] = (float(x[i]), float(y[i]))
    width = max(float(x.max() - x.min()), 8.0)
    left = float(x.min()) if len(nodes) > 2 else -width / 2
    cursor_x, row_top, row_height = left, float(y.max()) + 2.0, 0.0
    for nodes, x, y in placed[1:]:
        w, h = float(x.max() - x.min()), float(y.max() - y.min())
        if cursor_x + w > left + width and cursor_x > left:
            cursor_x, row_top, row_height = left, row_top + row_height + 1.5, 0.0
        for i, v in enumerate(nodes):
            out[str(v)] = (cursor_x + float(x[i] - x.min()), row_top + float(y[i] - y.min()))
        cursor_x += w + 1.5
        row_height = max(row_height, h)
    return {k: (round(px * unit, 1), round(py * unit, 1)) for k, (px, py) in out.items()}


def node_size(mentions: Any, max_mentions: float) -> float:
    """Dot radius from a count (or PageRank): 10 to 40 px by square root, so area tracks the value."""
    m = max(0.0, float(mentions or 0))
    if max_mentions <= 0:
        return 12.0
    return round(10.0 + 30.0 * math.sqrt(min(1.0, m / max_mentions)), 2)


def size_value(attrs: dict[str, Any], size_by: str = "mentions") -> float:
    """The node attribute a dot's size shows (``SIZE_MODES``)."""
    key = SIZE_MODES.get(size_by, size_by)
    value = attrs.get(key)
    if value is None and key == "weighted_degree":
        value = sum(int(attrs.get(k) or 0) for k in ("supports_given", "opposes_given", "supports_received", "opposes_received"))
    return float(value or 0)


def reuse_positions(
    G: nx.Graph, previous: dict[str, tuple[float, float]] | None, min_share: float = 0.6, unit: float = 60.0
) -> dict[str, tuple[float, float]] | None:
    """Positions for ``G`` from the drawing before: actors already placed keep their place (the
    map stays readable while the date window moves, and no layout is computed); a new actor
    goes beside its placed neighbours, or in a row under the drawing. None when fewer than
    ``min_share`` of the actors were placed before."""
    if not previous or G.number_of_nodes() == 0:
        return None
    out = {str(n): previous[str(n)] for n in G if str(n) in previous}
    if len(out) < min_share * G.number_of_nodes():
        return None
    if not out:
        return None
    left, bottom = min(p[0] for p in out.values()), max(p[1] for p in out.values()) + 2 * unit
    row = 0
    for n in sorted((n for n in G if str(n) not in out), key=str):
        near = [out[str(m)] for m in nx.all_neighbors(G, n) if str(m) in out]
        if near:
            angle = int(hashlib.sha1(str(n).encode("utf-8")).hexdigest()[:6], 16) % 360 * math.pi / 180
            x = sum(p[0] for p in near) / len(near) + unit * 0.8 * math.cos(angle)
            y = sum(p[1] for p in near) / len(near) + unit * 0.8 * math.sin(angle)
        else:
            x, y = left + (row % 40) * unit, bottom + (row // 40) * unit
            row += 1
        out[str(n)] = (round(x, 1), round(y, 1))
    return out


def grouped_positions(G: nx.Graph, by: str, gap: float = 2.5, unit: float = 60.0) -> dict[str, tuple[float, float]]:
    """One force-directed block per group (``camp`` or ``type``), blocks side by side in rows.

    Each block is ``layout_positions`` of the group's own subgraph, so actors of
    one camp (or type) sit together and the lines between blocks show the
    ties across groups.
    """
    groups: dict[Any, list] = defaultdict(list)
    for n, d in G.nodes(data=True):
        value = d.get(by)
        groups[value if value not in (None, "") else "~"].append(n)
    order = sorted(groups, key=lambda g: (-len(groups[g]), str(g)))
    blocks = []
    for g in order:
        pos = layout_positions(G.subgraph(groups[g]), unit=unit)
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        blocks.append((pos, min(xs), max(xs), min(ys), max(ys)))
    row_width = max(math.sqrt(sum((b[2] - b[1] + unit) * (b[4] - b[3] + unit) for b in blocks)) * 1.3, unit)
    out: dict[str, tuple[float, float]] = {}
    x, y, row_h = 0.0, 0.0, 0.0
    for pos, x0, x1, y0, y1 in blocks:
        w, h = x1 - x0, y1 - y0
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap * unit, 0.0
        for k, (px, py) in pos.items():
            out[k] = (round(x + px - x0, 1), round(y + py - y0, 1))
        x += w + gap * unit
        row_h = max(row_h, h)
    return out


def edge_width(weight: Any) -> float:
    w = max(1, int(weight or 1))
    return round(min(12.0, 1.5 + 2.0 * math.sqrt(w - 1)), 2)


def edge_id(source: str, target: str, stance: str) -> str:
    """Stable id of a drawn edge: its three parts joined by U+001F (the browser builds the same
    id from the compact payload, so ids are never sent); a click sends source/target/stance."""
    return "\x1f".join((str(source), str(target), str(stance)))


# --------------------------------------------------------------------------- the drawing's payload


def network_options(n_nodes: int, *, positioned: bool = False) -> dict[str, Any]:
    """vis options, starting from pyvis's defaults and tuned by graph size."""
    from pyvis.network import Network

    big = n_nodes > IMPROVED_LAYOUT_LIMIT
    net = Network(directed=True)
    net.barnes_hut(gravity=-6000, central_gravity=0.25, spring_length=140, spring_strength=0.03, damping=0.25)
    net.toggle_hide_edges_on_drag(big)
    opts: dict[str, Any] = json.loads(net.options.to_json())
    physics = opts.setdefault("physics", {})
    physics["enabled"] = not positioned
    physics["minVelocity"] = 0.75
    physics["stabilization"] = {
        "enabled": not positioned,
        "iterations": STABILIZATION_ITERATIONS,
        "updateInterval": 50,
        "fit": True,
    }
    opts["layout"] = {"improvedLayout": not big, "randomSeed": 7}
    opts["edges"] = {
        "smooth": False if big else {"enabled": True, "type": "curvedCW", "roundness": 0.15},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "color": {"inherit": False},
        "selectionWidth": 2,
        "hoverWidth": 1.5,
    }
    # vis's own labels are never drawn (threshold out of reach): the component draws
    # names at a constant screen size, biggest actors first, never overlapping.
    opts["nodes"] = {"shape": "dot", "borderWidth": 1, "font": {"size": 14, "face": "sans-serif"},
                     "scaling": {"label": {"enabled": False, "drawThreshold": 100000}}}  # fmt: skip
    interaction = opts.setdefault("interaction", {})
    interaction.update(
        {
            # big drawings: no hover colours and no vis selection, each a redraw of every edge
            # (tooltips still show; the component's highlight marks the selection)
            "hover": not big,
            "selectable": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        }
    )
    opts["configure"] = {"enabled": False}
    return opts


def _vocab(values: Iterable[str]) -> tuple[list[str], dict[str, int]]:
    names = sorted(set(values))
    return names, {v: i for i, v in enumerate(names)}


def _node_columns(G: nx.Graph, color_by: str, positions, size_by: str) -> tuple[dict[str, list], dict[str, list]]:
    """Node columns, most important first (the index is the label rank), and their vocabularies."""
    values = {n: size_value(d, size_by) for n, d in G.nodes(data=True)}
    max_value = max(values.values(), default=0.0)
    ranked = sorted(values, key=lambda v: (-values[v], -_rank_value(G, v), str(v)))
    colors = [node_color(G.nodes[n], color_by) for n in ranked]
    palette, color_index = _vocab(colors)
    types, type_index = _vocab(G.nodes[n].get("type") or "" for n in ranked)
    cols: dict[str, list] = {
        "id": [str(n) for n in ranked],
        "label": [short_label(G.nodes[n].get("name", n)) or short_label(n) for n in ranked],
        "title": [node_tooltip(str(n), G.nodes[n]) for n in ranked],
        "size": [node_size(values[n], max_value) for n in ranked],
        "color": [color_index[c] for c in colors],
        "type": [type_index[G.nodes[n].get("type") or ""] for n in ranked],
        "camp": [int(c) if isinstance(c := G.nodes[n].get("camp"), int) else -1 for n in ranked],
    }
    if positions:
        placed = [positions.get(str(n)) for n in ranked]
        cols["x"] = [p[0] if p else None for p in placed]
        cols["y"] = [p[1] if p else None for p in placed]
    return cols, {"palette": palette, "types": types}


def _edge_columns(G: nx.Graph, index: dict[str, int], big: bool) -> tuple[dict[str, list], dict[str, list]]:
    """Edge columns (ends as node indices; colour, width and tooltip are derived in the browser).

    Built a column at a time from the edge dicts (read straight from the adjacency): a loop
    appending eight columns per edge took 0.15 s for 15,000 edges on every filter change."""
    rows = [(str(u), str(v), str(d.get("stance") or k), d) for u, v, k, d in _edge_list(G)]
    rows.sort(key=lambda e: e[:3])
    data = [r[3] for r in rows]
    stances, stance_index = _vocab({r[2] for r in rows})
    raw = [_edge_relations(d) for d in data]
    plain: dict[Any, str] = {}  # a relation's display text, made once per distinct value
    for rels in raw:
        for x in rels:
            if x not in plain:
                plain[x] = _plain(x)
    relations, relation_index = _vocab(plain.values())
    code = {x: relation_index[text] for x, text in plain.items()}
    cols: dict[str, list] = {
        "from": [index[r[0]] for r in rows],
        "to": [index[r[1]] for r in rows],
        "stance": [stance_index[r[2]] for r in rows],
        "weight": [int(d.get("weight", 1) or 1) for d in data],
        "relations": [[code[x] for x in rels] for rels in raw],
        "articles": [len(a) if isinstance(a := d.get("articles"), list) else 0 for d in data],
        "first": [d.get("first_date") or "" for d in data],
        "last": [d.get("last_date") or "" for d in data],
    }
    if not big:  # parallel edges of a pair curve a little more each, so they do not overlap
        per_pair: dict[tuple[str, str], int] = defaultdict(int)
        rounds = []
        for u, v, _, _ in rows:
            rounds.append(round(0.12 + 0.18 * per_pair[(u, v)], 2))
            per_pair[(u, v)] += 1
        cols["round"] = rounds
    vocab = {"stances": stances, "stanceColors": [STANCE_COLORS.get(s, UNKNOWN_COLOR) for s in stances],
             "relations": relations}  # fmt: skip
    return cols, vocab


def _edge_relations(d: dict[str, Any]) -> list:
    return list(d.get("relations") or ([d["relation"]] if d.get("relation") else []))


class Payload(dict):
    """The drawing's payload (a plain dict to every reader) that keeps the JSON of its drawing,
    made once for the version hash, so ``payload_bytes`` does not encode 15,000 edges again."""

    __slots__ = ("body_json", "body_values")

    def __init__(self, *args, **kw) -> None:
        super().__init__(*args, **kw)
        self.body_json: bytes | None = None
        self.body_values: dict[str, Any] = {}


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")


def network_payload(
    G: nx.Graph,
    *,
    color_by: str = "type",
    positions: dict[str, tuple[float, float]] | None = None,
    selected: dict[str, Any] | None = None,
    notice: str | None = None,
    height: int = 620,
    size_by: str = "mentions",
    export_stem: str = "actorgraph_view",
) -> dict[str, Any]:
    """What the component receives: the drawing as columns (``payload_items`` shows the vis items
    the browser makes of them), vis options, legend and selection.

    Columns, not one dict per item: 15,000 edges as dicts with their tooltips were 5 MB of JSON
    per redraw; as columns with the tooltip's facts (the browser writes the text) about a fifth.
    ``version`` (a hash of the drawing's JSON, encoded once: ``payload_bytes`` reuses it) changes
    only when the drawing does, so the browser skips the data update when a click merely changes
    the selection.
    """
    big = G.number_of_nodes() > IMPROVED_LAYOUT_LIMIT
    nodes, node_vocab = _node_columns(G, color_by, positions, size_by)
    edges, edge_vocab = _edge_columns(G, {n: i for i, n in enumerate(nodes["id"])}, big)
    body = {"nodes": nodes, "edges": edges, "vocab": {**node_vocab, **edge_vocab}, "pinned": ALWAYS_LABELLED,
            "options": network_options(G.number_of_nodes(), positioned=bool(positions))}  # fmt: skip
    body_json = _json_bytes(body)
    out = Payload(
        body,
        version=hashlib.sha1(body_json).hexdigest()[:16],
        legend=legend(G, color_by),
        notice=" ".join(x for x in (f"Dot size: {size_by}.", CAMP_NOTE if color_by == "camp" else "", notice or "") if x),
        exportStem=export_stem,
        height=int(height),
        # absent, not null: the app sends the selection apart (``selection_component``)
        **({"selected": selected_for_component(G, selected)} if selected is not None else {}),
    )
    out.body_json, out.body_values = body_json, dict(body)
    return out


def payload_bytes(payload: dict[str, Any]) -> bytes:
    """The payload as compact JSON bytes, made once per drawing: handed to the component as
    bytes, Streamlit neither encodes it again on every rerun nor hashes it as JSON (twice).
    The drawing's JSON made by ``network_payload`` is reused while its parts are the same objects."""
    body = getattr(payload, "body_values", None)
    keys = list(payload)
    if not body or keys[: len(body)] != list(body) or any(payload[k] is not v for k, v in body.items()):
        return _json_bytes(payload)
    rest = {k: payload[k] for k in keys[len(body):]}
    if not rest:
        return payload.body_json
    return payload.body_json[:-1] + b"," + _json_bytes(rest)[1:]


def payload_items(payload: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The vis nodes and edges the browser builds from ``network_payload`` (``network.js``
    ``expand`` does the same): for tests, and to read what a payload draws."""
    n, e, vocab = payload["nodes"], payload["edges"], payload["vocab"]
    nodes = []
    for i, name in enumerate(n["id"]):
        color = vocab["palette"][n["color"][i]]
        item = {"id": name, "label": n["label"][i], "title": n["title"][i], "size": n["size"][i], "rank": i,
                "pinLabel": i < payload["pinned"], "actorType": vocab["types"][n["type"][i]], "camp": n["camp"][i],
                "color": {"background": color, "border": "#3b3b3b", "highlight": {"background": color, "border": "#000000"},
                          "hover": {"background": color, "border": "#000000"}}}  # fmt: skip
        if "x" in n and n["x"][i] is not None:
            item.update(x=n["x"][i], y=n["y"][i])
        nodes.append(item)
    edges = []
    for i, (a, b) in enumerate(zip(e["from"], e["to"])):
        u, v = n["id"][a], n["id"][b]
        stance, color = vocab["stances"][e["stance"][i]], vocab["stanceColors"][e["stance"][i]]
        rels = [vocab["relations"][r] for r in e["relations"][i]]
        smooth = {"enabled": True, "type": "curvedCW", "roundness": e["round"][i]} if "round" in e else {"enabled": False}
        edges.append({"id": edge_id(u, v, stance), "from": u, "to": v, "stance": stance, "weight": e["weight"][i],
                      "arrows": "to", "color": {"color": color, "highlight": color, "hover": color},
                      "width": edge_width(e["weight"][i]), "smooth": smooth,
                      "title": edge_tip(u, v, stance, e["weight"][i], rels, e["articles"][i], e["first"][i], e["last"][i])})  # fmt: skip
    return nodes, edges


# --------------------------------------------------------------------------- selection


@dataclass(frozen=True)
class EdgeRef:
    source: str
    target: str
    stance: str

    def as_dict(self) -> dict[str, str]:
        return {"source": self.source, "target": self.target, "stance": self.stance}


def parse_click(value: Any) -> tuple[str, Any] | None:
    """A click payload from the browser as ("node", actor) or ("edge", EdgeRef); None if malformed."""
    if not isinstance(value, dict):
        return None
    kind = value.get("kind")
    if kind == "node" and isinstance(value.get("id"), str) and value["id"]:
        return ("node", value["id"])
    if kind == "edge":
        parts = [value.get(k) for k in ("source", "target", "stance")]
        if all(isinstance(p, str) and p for p in parts):
            return ("edge", EdgeRef(*parts))
    return None


def edge_ref(value: Any) -> EdgeRef | None:
    if isinstance(value, EdgeRef):
        return value
    if isinstance(value, dict):
        parts = [value.get(k) for k in ("source", "target", "stance")]
        if all(isinstance(p, str) and p for p in parts):
            return EdgeRef(*parts)
    if isinstance(value, (tuple, list)) and len(value) == 3 and all(isinstance(p, str) for p in value):
        return EdgeRef(*value)
    return None


def has_edge(G: nx.Graph, ref: EdgeRef) -> bool:
    if not G.has_edge(ref.source, ref.target):
        return False
    if G.is_multigraph():
        return any(d.get("stance", k) == ref.stance for k, d in G[ref.source][ref.target].items())
    return G[ref.source][ref.target].get("stance") == ref.stance


def selected_for_component(G: nx.Graph, selected: dict[str, Any] | None) -> dict[str, Any] | None:
    """The selection as the browser names it, or None when it is not drawn."""
    if not selected:
        return None
    ref = edge_ref(selected.get("edge"))
    if ref is not None and has_edge(G, ref):
        return {"kind": "edge", "id": edge_id(ref.source, ref.target, ref.stance)}
    actor = selected.get("actor")
    if isinstance(actor, str) and actor in G:
        return {"kind": "node", "id": actor}
    return None


# --------------------------------------------------------------------------- side panel


CARD_COUNTS = (
    ("Supports given", "supports_given"),
    ("Opposes given", "opposes_given"),
    ("Supports received", "supports_received"),
    ("Opposes received", "opposes_received"),
)


def actor_card(G: nx.Graph, actor: str) -> dict[str, Any] | None:
    """What the panel shows about an actor; None when the actor is not in ``G``."""
    if actor not in G:
        return None
    d = G.nodes[actor]
    camp = d.get("camp")
    return {
        "name": _plain(d.get("name", actor)) or actor,
        "type": d.get("type") or "",
        "affiliation": d.get("affiliation") or "",
        "role": d.get("role") or "",
        "aliases": [a for a in (d.get("aliases") or []) if a and a != actor],
        "mentions": int(d.get("mentions") or 0),
        "articles": int(d.get("articles") or 0),
        "camp": int(camp) if isinstance(camp, int) and camp >= 0 else None,
        **{key: int(d.get(key) or 0) for _, key in CARD_COUNTS},
    }


def quote_caption(q: dict[str, Any]) -> str:
    """Markdown line under a quote: title (a link only for http(s)), date, source, relation, rule id."""
    parts = [md_link(q.get("title") or "untitled", q.get("url"))]
    if q.get("date"):
        parts.append(md_escape(q["date"]))
    href = safe_url(q.get("url"))
    src = urlsplit(href).netloc if href else (q.get("source_ref") or q.get("url") or q.get("path"))
    if src:
        parts.append(md_escape(src))
    if q.get("relation"):
        parts.append(md_escape(q["relation"]))
    if q.get("rule"):  # which extraction rule found it, so a wrong edge can be traced to its rule
        parts.append("rule " + md_escape(q["rule"]))
    return " · ".join(parts)


def quote_markdown(q: dict[str, Any]) -> str:
    """A quote as an escaped Markdown block quote."""
    return "> " + md_escape(q.get("quote", ""))


#: The evidence panel shows this many quotes per group, then a "more" button.
EVIDENCE_PAGE = 50
#: ... and this many groups (counterpart, direction, stance), largest first, then another "more" button.
EVIDENCE_GROUPS = 5


def quotes_block(quotes: Sequence[dict[str, Any]], numbered: bool = False) -> str:
    """Several quotes with their captions as one Markdown text: one element to render, not two per
    quote (a widget per quote costs the browser about 2 ms each: 250 quotes with a button each took
    0.5 s to show, as one text 0.16 s). ``numbered``: the caption starts "#1", as the picker names it."""
    return "\n\n".join(
        f"{quote_markdown(q)}\n\n{f'#{i} · ' if numbered else ''}{quote_caption(q)}" for i, q in enumerate(quotes, 1)
    )


def quote_label(i: int, q: dict[str, Any]) -> str:
    """A quote as the correction picker lists it (plain text): its number and its start."""
    return f"#{i} {short_label(q.get('quote', ''), 70)}"


#: What a quote record holds (``analysis._quote_records``): frame column -> record key.
QUOTE_FIELDS = {"id": "statement_id", **{c: c for c in ("source", "target", "stance", "relation", "quote", "article_id",
                                                        "title", "date", "path", "url", "confidence", "rule")}}  # fmt: skip


class QuoteRows(Sequence):
    """An evidence group's quotes: rows ``at`` of a frame's columns (as lists, taken once per
    click), made into records only when shown: a page of 50 of an actor's 5,000 statements."""

    def __init__(self, columns: dict[str, list], at) -> None:
        self.columns, self.at = columns, at

    def __len__(self) -> int:
        return len(self.at)

    def __getitem__(self, i):
        if not isinstance(i, slice):
            return self[i : i + 1 or None][0]
        out = []
        for k in self.at[i]:
            r = {key: self.columns[col][k] for col, key in QUOTE_FIELDS.items() if col in self.columns}
            r["source_ref"] = r["url"] or r["path"] or ""
            out.append(r)
        return out

    def matching(self, needle: str) -> "QuoteRows":
        """The rows whose quote or title contains ``needle`` (lower case)."""
        q, t = self.columns["quote"], self.columns["title"]
        return QuoteRows(self.columns, [k for k in self.at if needle in str(q[k]).lower() or needle in str(t[k] or "").lower()])


def evidence_groups(df: pd.DataFrame, actor: str) -> list[dict[str, Any]]:
    """``analysis.actor_quotes`` grouped the same way and in the same order, its ``quotes`` a
    ``QuoteRows``. Found on row positions (numpy) and only the quote columns of the actor's rows
    taken, so a click costs a few milliseconds for 5,000 statements; kept per frame and actor
    (the frame of a view is cached by the app), so "more" and the search box do not regroup."""
    key = (id(df), actor)
    hit = _EVIDENCE_CACHE.get(key)
    if hit is not None and hit[0]() is df:
        return hit[1]
    groups = _evidence_groups(df, actor)
    if len(_EVIDENCE_CACHE) >= 8:
        _EVIDENCE_CACHE.pop(next(iter(_EVIDENCE_CACHE)))
    _EVIDENCE_CACHE[key] = (weakref.ref(df), groups)
    return groups


#: (id of frame, actor) -> (weak reference to the frame, its groups): a few clicks' worth.
_EVIDENCE_CACHE: dict[tuple[int, str], tuple[Any, list[dict[str, Any]]]] = {}


def _evidence_groups(df: pd.DataFrame, actor: str) -> list[dict[str, Any]]:
    source, target = df["source"].to_numpy(), df["target"].to_numpy()
    mine = np.flatnonzero((source == actor) | (target == actor))
    when = df[["date", "article_id", "start"]].iloc[mine].reset_index(drop=True)
    order = when.sort_values(["date", "article_id", "start"], na_position="last", kind="stable").index.to_numpy()
    mine = mine[order]  # oldest first, as ``analysis._quote_records``
    groups = []
    for direction, me, other in (("given", source, target), ("received", target, source)):
        rows = mine[me[mine] == actor]
        if not len(rows):
            continue
        columns = {c: df[c].to_numpy()[rows].tolist() for c in QUOTE_FIELDS if c in df.columns}
        for (counterpart, stance), at in _groups_of(other[rows], df["stance"].to_numpy()[rows]):
            groups.append({"counterpart": counterpart, "direction": direction, "stance": stance,
                           "count": len(at), "quotes": QuoteRows(columns, at)})  # fmt: skip
    groups.sort(key=lambda g: (-g["count"], g["counterpart"], g["direction"], g["stance"]))
    return groups


def _groups_of(counterparts: np.ndarray, stances: np.ndarray) -> list[tuple[tuple[Any, Any], list[int]]]:
    """Positions of each (counterpart, stance) pair, in order, as ``groupby(...).indices``
    (missing counterparts or stances left out)."""
    a, a_values = pd.factorize(counterparts)
    b, b_values = pd.factorize(stances)
    keep = np.flatnonzero((a >= 0) & (b >= 0))
    key = a[keep].astype(np.int64) * max(len(b_values), 1) + b[keep]
    order = np.argsort(key, kind="stable")
    cuts = np.flatnonzero(np.diff(key[order])) + 1
    out = []
    for part in np.split(keep[order], cuts) if len(keep) else []:
        first = int(part[0])
        out.append(((a_values[a[first]], b_values[b[first]]), part.tolist()))
    return out


def search_groups(groups: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Groups from ``analysis.actor_quotes`` (or ``evidence_groups``) keeping only quotes (or
    titles) containing ``text``."""
    q = " ".join(text.split()).lower()
    if not q:
        return groups
    out = []
    for g in groups:
        if isinstance(g["quotes"], QuoteRows):
            hits = g["quotes"].matching(q)
        else:
            hits = [x for x in g["quotes"] if q in str(x.get("quote", "")).lower() or q in str(x.get("title", "")).lower()]
        if len(hits):
            out.append({**g, "quotes": hits, "count": len(hits)})
    return out


def group_heading(actor: str, group: dict[str, Any]) -> str:
    """"Russia supports → Assad (3)" for one group from ``analysis.actor_quotes``."""
    me, other = md_escape(actor), md_escape(group["counterpart"])
    stance = md_escape(group["stance"])
    if group.get("direction") == "received":
        text = f"**{other}** {stance} **{me}**"
    else:
        text = f"**{me}** {stance} **{other}**"
    return f"{text} ({int(group.get('count', len(group.get('quotes', []))))})"


# --------------------------------------------------------------------------- charts (Vega-Lite specs)

#: The time chart's series and their colours.
SERIES_COLORS = {"supports given": "#2ca02c", "opposes given": "#d62728",
                 "supports received": "#98df8a", "opposes received": "#ff9896"}  # fmt: skip


def time_chart_spec(period_title: str) -> dict[str, Any]:
    """Bars of statements per period and series (``timeline.long_counts``), as a Vega-Lite spec:
    written as a dict, not with Altair, whose import and schema validation cost a click 0.1 to 0.4 s."""
    return {
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "period", "type": "ordinal", "title": period_title, "axis": {"labelAngle": -45}},
            "y": {"field": "count", "type": "quantitative", "title": "statements"},
            "color": {"field": "series", "type": "nominal", "title": None,
                      "scale": {"domain": list(SERIES_COLORS), "range": list(SERIES_COLORS.values())}},
            "tooltip": [{"field": "period", "type": "ordinal"}, {"field": "series", "type": "nominal"},
                        {"field": "count", "type": "quantitative"}],
        },
        "height": 180,
    }  # fmt: skip


def edge_chart_spec(stance: str) -> dict[str, Any]:
    """One dot per statement behind an edge (``timeline.edge_statements``), over time, the quote on
    hover (Vega's tooltip shows it as text)."""
    return {
        "mark": {"type": "circle", "size": 90, "opacity": 0.8},
        "encoding": {
            "x": {"field": "when", "type": "temporal", "title": "date"},
            "y": {"aggregate": "count", "type": "quantitative", "title": "statements", "stack": True},
            "color": {"value": STANCE_COLORS.get(stance, "#888888")},
            "tooltip": [{"field": f, "type": "nominal"} for f in ("date", "relation", "title", "quote")],
        },
        "height": 150,
    }


# --------------------------------------------------------------------------- tables


STATEMENT_TABLE_COLUMNS = [
    "source", "stance", "target", "relation", "quote", "title", "date", "origin", "confidence", "cue", "id",
]  # fmt: skip


def _labels(names: dict[str, str], wide: Iterable[str] = ()) -> dict[str, dict[str, str]]:
    """Streamlit column configs (plain dicts) giving each column a readable header."""
    return {c: {"label": label, **({"width": "large"} if c in wide else {})} for c, label in names.items()}


STATEMENT_COLUMN_CONFIG = _labels({
    "source": "Source", "stance": "Stance", "target": "Target", "relation": "Relation", "quote": "Quote",
    "title": "Article", "date": "Date", "origin": "From", "confidence": "Confidence", "cue": "Cue word",
    "id": "Statement id",
}, wide=("quote",))  # fmt: skip
ACTOR_COLUMN_CONFIG = _labels({
    "name": "Actor", "type": "Type", "affiliation": "Affiliation", "role": "Role", "mentions": "Mentions",
    "articles": "Articles", "supports_given": "Supports given", "opposes_given": "Opposes given",
    "supports_received": "Supports received", "opposes_received": "Opposes received",
    "weighted_degree": "Statements", "pagerank": "PageRank (support)", "camp": "Camp", "allies": "Allies",
    "opponents": "Opponents",
})  # fmt: skip
CHANGE_COLUMNS = _labels({
    "source": "Source", "target": "Target", "change": "Change", "supports_before": "Supports before",
    "opposes_before": "Opposes before", "supports_after": "Supports after", "opposes_after": "Opposes after",
    "sign_before": "Sign before", "sign_after": "Sign after",
})  # fmt: skip


def statements_table(df: pd.DataFrame) -> pd.DataFrame:
    """The statements tab: one row per statement with its quote and article."""
    if df is None or len(df) == 0:
        return pd.DataFrame(columns=STATEMENT_TABLE_COLUMNS)
    out = pd.DataFrame(
        {
            "source": df["source"],
            "stance": df["stance"],
            "target": df["target"],
            "relation": df["relation"],
            "quote": df["quote"],
            "title": df["title"],
            "date": df["date"],
            "origin": [u or p or "" for p, u in zip(df["path"], df["url"])],
            "confidence": df["confidence"].round(2),
            "cue": df["cue"],
            "id": df["id"],
        }
    )
    return out.reset_index(drop=True)


def actors_table(G: nx.Graph, ties: bool = True) -> pd.DataFrame:
    """The actors tab; ``ties=False``: allies and opponents left empty for ``with_ties`` to fill
    on the page shown (they cost 0.1 to 0.3 s for 2,000 actors on every filter change)."""
    from .analysis import actor_table

    table = actor_table(G, ties=ties)
    if "camp" in table:
        table["camp"] = [int(c) if isinstance(c, (int,)) and c >= 0 else None for c in table["camp"]]
    if "pagerank" in table:
        table["pagerank"] = table["pagerank"].astype(float).round(4)
    return table


def with_ties(page: pd.DataFrame, G: nx.Graph) -> pd.DataFrame:
    """A page of ``actors_table(G, ties=False)`` with its allies and opponents filled in."""
    from .analysis import actor_ties

    nodes = {str(d.get("name", n)): n for n, d in G.nodes(data=True)}
    page = page.copy()
    texts = [actor_ties(G, nodes.get(name, name)) if nodes.get(name, name) in G else ("", "") for name in page["name"]]
    page["allies"] = [t[0] for t in texts]
    page["opponents"] = [t[1] for t in texts]
    return page


# --------------------------------------------------------------------------- exports


@dataclass(frozen=True)
class Export:
    label: str
    file_name: str
    mime: str
    data: Callable[[], bytes]


def exports(G_view: nx.Graph | Callable[[], nx.Graph], G_all: nx.Graph, df_view: pd.DataFrame,
            stem: str = "actorgraph") -> list[Export]:  # fmt: skip
    """The download buttons; ``data`` builds the bytes on demand (on click, in the app). ``G_view``
    may be a function that builds the view's graph, called then."""
    from .readwrite import gexf, graphml
    from .readwrite import json as nljson
    from .readwrite import tables

    def of(write: Callable[[nx.Graph], bytes]) -> Callable[[], bytes]:
        return lambda: write(G_view() if callable(G_view) else G_view)

    return [
        Export("GraphML, current view", f"{stem}_view.graphml", "application/graphml+xml", of(graphml.to_graphml_bytes)),
        Export("GraphML, whole graph", f"{stem}_all.graphml", "application/graphml+xml",
               partial(graphml.to_graphml_bytes, G_all)),
        Export("GEXF, current view", f"{stem}_view.gexf", "application/xml", of(gexf.to_gexf_bytes)),
        Export("CSV, statements in view", f"{stem}_statements_view.csv", "text/csv",
               partial(tables.statements_csv, df_view)),
        Export("JSON node-link, current view", f"{stem}_view_nodelink.json", "application/json",
               of(nljson.to_json_bytes)),
    ]  # fmt: skip


# --------------------------------------------------------------------------- extraction cache


def article_key(a: Article) -> str:
    """Content key of an article: its text id plus everything a statement copies from it."""
    key = "\x1f".join(str(x) for x in (a.id, a.title, a.date, a.path, a.url))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def unique_articles(articles: Iterable[Article]) -> list[Article]:
    """First article per id: the same text read twice is analysed once."""
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.id, a)
    return list(seen.values())


class StatementStore:
    """Statements per article, keyed on content, shared across reruns and sessions.

    Only articles not seen before are parsed; a rerun or a filter change
    parses nothing.
    """

    def __init__(self) -> None:
        from .cache import KeyedLocks

        self._by_key: dict[str, list[Statement]] = {}
        self._locks = KeyedLocks()  # per article: sessions with nothing new never wait

    def __contains__(self, a: Article) -> bool:
        return article_key(a) in self._by_key

    def missing(self, articles: Sequence[Article]) -> list[Article]:
        return [a for a in unique_articles(articles) if article_key(a) not in self._by_key]

    def get_or_extract(
        self,
        articles: Sequence[Article],
        extract: Callable[..., Iterable[Statement]],
        progress: Callable[[int, int], None] | None = None,
        errors: list[str] | None = None,
    ) -> list[Statement]:
        """Statements of ``articles`` in their order, extracting only the new ones.

        Only the new articles' keys are locked while they are parsed: another
        session asking for them waits and then reuses them, any other session
        goes on. An article the engine fails on is reported (in ``errors``) and
        skipped; the others still go through.
        """
        articles = unique_articles(articles)
        todo = [a for a in articles if article_key(a) not in self._by_key]
        if todo:
            with self._locks.hold(article_key(a) for a in todo):
                todo = [a for a in todo if article_key(a) not in self._by_key]  # done meanwhile?
                if todo:
                    found = self._extract_isolated(todo, extract, progress, errors)
                    for a in todo:
                        self._by_key[article_key(a)] = found.get(a.id, [])
        return [s for a in articles for s in self._by_key[article_key(a)]]

    def _extract_isolated(self, todo, extract, progress, errors) -> dict[str, list[Statement]]:
        """If the batch fails, retry one by one: the article that fails is reported and skipped."""
        try:
            return self._extract(todo, extract, progress)
        except Exception:
            found: dict[str, list[Statement]] = {}
            for i, a in enumerate(todo, 1):
                try:
                    found.update(self._extract([a], extract, None))
                except Exception as exc:  # one bad article must not lose the rest
                    if errors is not None:
                        errors.append(f"{a.source or a.title}: could not analyse ({type(exc).__name__}: {exc})")
                if progress:
                    progress(i, len(todo))
            return found

    @staticmethod
    def _extract(todo, extract, progress) -> dict[str, list[Statement]]:
        found: dict[str, list[Statement]] = defaultdict(list)
        for s in extract(todo, progress=progress):
            found[s.article_id].append(s)
        return found


def folder_signature(path: str) -> str:
    """Names, sizes and times of the files under a folder: re-read it only when they change."""
    h = hashlib.sha1(str(path).encode("utf-8"))
    p = Path(path)
    if p.is_file():
        st = p.stat()
        h.update(f"{p}|{st.st_size}|{st.st_mtime_ns}".encode())
    elif p.is_dir():
        for root, dirs, files in os.walk(p):
            dirs.sort()
            for f in sorted(files):
                fp = Path(root) / f
                try:
                    st = fp.stat()
                except OSError:
                    continue
                h.update(f"{fp}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    else:
        h.update(b"missing")
    return h.hexdigest()[:20]


# --------------------------------------------------------------------------- the component


@lru_cache(maxsize=1)
def vis_js() -> str:
    """vis-network's standalone bundle from the pyvis package, as the module of its own element.

    Inlined (not loaded from a URL) so the page needs nothing but localhost. Apart from the
    drawing because Streamlit sends an element whose message is unchanged as a reference: the
    0.5 MB bundle then crosses the websocket once per session, not with every changed drawing
    (it was 0.5 of the 0.7 MB a filter change sent at 50,000 statements).
    """
    import pyvis

    vis_path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    vis = vis_path.read_text(encoding="utf-8")
    # Split on "\n" only: the bundle holds U+2028 and friends inside string literals.
    vis = "\n".join(line for line in vis.split("\n") if not line.startswith("//# sourceMappingURL"))
    return vis + '\n;\nwindow.dispatchEvent(new Event("actorgraph:vis"));\nexport default function () {}\n'


@lru_cache(maxsize=1)
def component_js() -> str:
    """Our module: it waits for ``vis_js`` when that element's module has not run yet."""
    return (COMPONENT_DIR / "network.js").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def component_css() -> str:
    return (COMPONENT_DIR / "network.css").read_text(encoding="utf-8")


#: The selection component: it only hands the selection to the drawing (a window event), so
#: a click or a table pick reruns without resending the drawing (Streamlit sends an unchanged
#: element as a reference to the copy the browser already has). Selections are plain data.
SELECTION_JS = """
export default function (component) {
  const data = component.data || {};
  const selected = data.selected && typeof data.selected === "object" ? data.selected : null;
  window.actorgraphSelected = selected;
  window.dispatchEvent(new CustomEvent("actorgraph:selected", { detail: selected }));
}
"""

_COMPONENTS: dict[str, Any] = {}


def network_component():
    """The mount function of the bidirectional network component (registered once)."""
    if "network" not in _COMPONENTS:
        import streamlit as st

        _COMPONENTS["network"] = st.components.v2.component(
            COMPONENT_NAME, js=component_js(), css=component_css(), isolate_styles=False
        )
    return _COMPONENTS["network"]


def vis_component():
    """The mount function of the element that loads vis-network (``vis_js``), drawn once per page."""
    if "vis" not in _COMPONENTS:
        import streamlit as st

        _COMPONENTS["vis"] = st.components.v2.component(COMPONENT_NAME + "_vis", js=vis_js())
    return _COMPONENTS["vis"]


def selection_component():
    """The mount function of the selection component (``SELECTION_JS``)."""
    if "selection" not in _COMPONENTS:
        import streamlit as st

        _COMPONENTS["selection"] = st.components.v2.component(COMPONENT_NAME + "_selection", js=SELECTION_JS)
    return _COMPONENTS["selection"]
