"""Graph attributes made safe for file formats: shared by GraphML, GEXF, JSON and CSV.

* Lists become one string: items joined by ``|``, with ``\\`` and ``|`` inside
  an item escaped as ``\\\\`` and ``\\|`` (so a quote containing ``|`` splits
  back exactly). The names of list attributes are recorded in the graph
  attributes ``list_node_attributes``/``list_edge_attributes`` so readers
  know what to split.
* Missing values (None) become ``""``; every element then carries every text
  key, so Gephi gets one typed column per key. Numbers stay numbers; a key
  holding both ints and floats becomes float.
* For XML formats only (``xml=True``): line breaks become ``\\n`` and the
  characters XML 1.0 cannot carry (control characters other than tab and
  newline, lone surrogates, U+FFFE/U+FFFF) are removed. JSON and CSV keep
  text exactly.
"""
from __future__ import annotations

import io

import re
from pathlib import Path
from typing import IO, Any, Iterable

import networkx as nx

SEPARATOR = "|"
#: List attributes of actorgraph's graphs, for formats that cannot record them (GEXF).
LIST_NODE_ATTRIBUTES = ("aliases",)
LIST_EDGE_ATTRIBUTES = ("articles", "quotes", "relations", "rules", "sources", "statement_ids", "titles")
_XML_ILLEGAL = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def join_list(items: Iterable[Any]) -> str:
    return SEPARATOR.join(str(x).replace("\\", "\\\\").replace("|", "\\|") for x in items)


def split_list(text: str) -> list[str]:
    """Inverse of ``join_list``; ``""`` is the empty list."""
    if not text:
        return []
    items: list[str] = []
    item: list[str] = []
    chars = iter(text)
    for c in chars:
        if c == "\\":
            item.append(next(chars, ""))
        elif c == SEPARATOR:
            items.append("".join(item))
            item = []
        else:
            item.append(c)
    items.append("".join(item))
    return items


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry: CR/CRLF as LF, illegal characters removed."""
    return _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _scalar(value: Any, xml: bool, join: bool) -> Any:
    if value is None:
        return ""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalar
        value = value.item()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_scalar(v, xml, True) for v in value]
        return join_list(items) if join else items
    if isinstance(value, str):
        return xml_text(value) if xml else value
    if isinstance(value, (bool, int, float)):
        return value
    return xml_text(str(value)) if xml else str(value)


def _unify(rows: list[dict[str, Any]]) -> None:
    """One type per key (ints with floats become floats); text and list keys on every row."""
    kinds: dict[str, set[type]] = {}
    for row in rows:
        for k, v in row.items():
            kinds.setdefault(k, set()).add(type(v))
    for k, ts in kinds.items():
        if ts == {int, float}:
            cast: Any = float
        elif str in ts and len(ts) > 1:
            cast = str
        else:
            cast = None
        for row in rows:
            if k not in row:
                if ts == {str} or ts == {list}:
                    row[k] = "" if ts == {str} else []
            elif cast is not None:
                row[k] = cast(row[k])


def flat_graph(G: nx.Graph, *, xml: bool = False, join: bool = True) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes every format can store (see the module docstring).

    ``join=False`` keeps lists as lists (JSON has arrays).
    """
    list_nodes = sorted({k for _, d in G.nodes(data=True) for k, v in d.items() if isinstance(v, (list, tuple, set))})
    list_edges = sorted({k for *_, d in G.edges(data=True) for k, v in d.items() if isinstance(v, (list, tuple, set))})
    name = (lambda n: xml_text(str(n))) if xml else (lambda n: n)
    node_rows = [{k: _scalar(v, xml, join) for k, v in d.items()} for _, d in G.nodes(data=True)]
    edges = list(G.edges(keys=True, data=True)) if G.is_multigraph() else [(u, v, None, d) for u, v, d in G.edges(data=True)]
    edge_rows = [{k: _scalar(v, xml, join) for k, v in d.items()} for *_, d in edges]
    _unify(node_rows)
    _unify(edge_rows)
    H = nx.MultiDiGraph() if G.is_directed() else nx.MultiGraph()
    H.graph.update({k: _scalar(v, xml, True) for k, v in G.graph.items() if not isinstance(v, dict)})
    if join:
        H.graph["list_separator"] = SEPARATOR
        H.graph["list_node_attributes"] = join_list(list_nodes)
        H.graph["list_edge_attributes"] = join_list(list_edges)
    H.add_nodes_from((name(n), row) for n, row in zip(G.nodes, node_rows))
    for (u, v, key, _), row in zip(edges, edge_rows):
        H.add_edge(name(u), name(v), key=name(key) if key is not None else None, **row)
    return H


def unflat_graph(G: nx.Graph) -> nx.Graph:
    """Split the list attributes recorded by ``flat_graph`` back into lists (in place)."""
    for attrs, key, default in (
        (G.nodes(data=True), "list_node_attributes", LIST_NODE_ATTRIBUTES),
        (G.edges(data=True), "list_edge_attributes", LIST_EDGE_ATTRIBUTES),
    ):
        names = split_list(str(G.graph[key])) if key in G.graph else default
        for *_, d in attrs:
            for k in names:
                if isinstance(d.get(k), str):
                    d[k] = split_list(d[k])
    return G


def xml_bytes(writer, G: nx.Graph) -> bytes:
    """Run a networkx XML writer (GraphML, GEXF) on the flattened, XML-safe graph."""
    buf = io.BytesIO()
    writer(flat_graph(G, xml=True), buf, encoding="utf-8")
    return buf.getvalue()


def write_bytes(data: bytes, path_or_file: str | Path | IO[bytes]) -> None:
    """Write to a path (parents created) or a binary file object."""
    if hasattr(path_or_file, "write"):
        path_or_file.write(data)  # type: ignore[union-attr]
        return
    path = Path(path_or_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
