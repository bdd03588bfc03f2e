"""GEXF 1.2 for Gephi. Attributes as in GraphML (``flat.flat_graph``, XML-safe)."""
from __future__ import annotations

from pathlib import Path
from typing import IO

import networkx as nx

from .flat import unflat_graph, write_bytes, xml_bytes


def to_gexf_bytes(G: nx.Graph) -> bytes:
    return xml_bytes(nx.write_gexf, G)


def write_gexf(G: nx.Graph, path_or_file: str | Path | IO[bytes]) -> None:
    write_bytes(to_gexf_bytes(G), path_or_file)


def read_gexf(path_or_file: str | Path | IO[bytes]) -> nx.MultiDiGraph:
    """A graph written by ``write_gexf``, lists split again (for tests and re-import).

    GEXF has no graph attributes and networkx drops edge keys when no pair
    repeats, so keys are rebuilt as actorgraph makes them (the statement id,
    else the stance); GEXF weights are floats and come back as ints when whole.
    """
    read = nx.read_gexf(path_or_file)
    G = nx.MultiDiGraph()
    for n, d in read.nodes(data=True):
        d.pop("label", None)  # GEXF always stores a label; ours is the node id
        G.add_node(n, **d)
    for u, v, d in read.edges(data=True):
        d.pop("id", None)  # GEXF's own edge numbering
        w = d.get("weight")
        if isinstance(w, float) and w.is_integer():
            d["weight"] = int(w)
        G.add_edge(u, v, key=d.get("statement_id") or d.get("stance"), **d)
    return unflat_graph(G)
