"""GraphML for Gephi, yEd and ``networkx.read_graphml``.

Attributes go through ``flat.flat_graph`` (lists joined with ``|``, no None,
typed keys, XML-safe text); ``read_graphml`` undoes the list joining.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO

import networkx as nx

from .flat import unflat_graph, write_bytes, xml_bytes


def to_graphml_bytes(G: nx.Graph) -> bytes:
    return xml_bytes(nx.write_graphml, G)


def write_graphml(G: nx.Graph, path_or_file: str | Path | IO[bytes]) -> None:
    write_bytes(to_graphml_bytes(G), path_or_file)


def read_graphml(path_or_file: str | Path | IO[bytes]) -> nx.MultiDiGraph:
    """A graph written by ``write_graphml``: lists split again, edge keys kept.

    Text keys an element lacks (a writer may omit empty values) read as "".
    """
    G = nx.read_graphml(path_or_file, force_multigraph=True)
    for rows in ([d for _, d in G.nodes(data=True)], [d for *_, d in G.edges(data=True)]):
        text_keys = {k for d in rows for k, v in d.items() if isinstance(v, str)}
        for d in rows:
            for k in text_keys - d.keys():
                d[k] = ""
    return unflat_graph(G)
