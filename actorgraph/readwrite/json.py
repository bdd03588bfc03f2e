"""Node-link JSON (``networkx.node_link_data``, edges under ``"edges"``).

Lists stay JSON arrays; None becomes ""; text is exact. ``<``, ``>``, ``&``
and U+2028/U+2029 are written as ``\\uXXXX`` escapes, so the file can be
pasted into an HTML ``<script>`` block without any quote closing it; every
JSON reader decodes them back to the same characters.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .flat import flat_graph, write_bytes

_HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def to_node_link(G: nx.Graph) -> dict[str, Any]:
    return nx.node_link_data(flat_graph(G, join=False), edges="edges")


def to_json_bytes(G: nx.Graph) -> bytes:
    text = json.dumps(to_node_link(G), ensure_ascii=False, indent=1)
    for char, escape in _HTML_SAFE.items():  # these occur only inside JSON strings
        text = text.replace(char, escape)
    return text.encode("utf-8")


def write_json(G: nx.Graph, path_or_file: str | Path | IO[bytes]) -> None:
    write_bytes(to_json_bytes(G), path_or_file)


def read_json(path_or_file: str | Path | IO[bytes]) -> nx.MultiDiGraph:
    """A graph written by ``write_json``."""
    if hasattr(path_or_file, "read"):
        data = json.loads(path_or_file.read())  # type: ignore[union-attr]
    else:
        data = json.loads(Path(path_or_file).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, edges="edges")
