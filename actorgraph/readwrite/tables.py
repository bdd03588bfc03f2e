"""CSV tables: statements, nodes and edges (UTF-8, RFC 4180 quoting).

``statements_csv`` has the columns of ``readwrite.statements.COLUMNS``, so
``actorgraph export --from`` reads it back. Node and edge tables carry the
graph attributes flattened as for GraphML (lists joined with ``|``, see
``flat``). Text cells a spreadsheet could run as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or CR) get a leading ``'`` unless ``exact=True``
(``spreadsheet.defuse``); ``--from`` strips it again when reading.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
import pandas as pd

from .flat import flat_graph
from .spreadsheet import defuse
from .statements import COLUMNS

CSV_NAMES = ("statements", "nodes", "edges")


def _csv_bytes(header: list[str], rows: Iterable[Iterable[Any]], exact: bool = False) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(header if exact else [defuse(h) for h in header])
    writer.writerows(rows if exact else ([defuse(v) for v in row] for row in rows))
    return buf.getvalue().encode("utf-8")


def statements_csv(df: pd.DataFrame, exact: bool = False) -> bytes:
    cols = [*COLUMNS, *(c for c in ("corrected", "manual") if c in df)]  # statements from a curated store
    rows = df[cols].itertuples(index=False)
    return _csv_bytes(cols, (["" if v is None else v for v in row] for row in rows), exact)


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(k for row in rows for k in row))


def nodes_csv(G: nx.Graph, exact: bool = False) -> bytes:
    H = flat_graph(G)
    rows = [d for _, d in H.nodes(data=True)]
    cols = _columns(rows)
    return _csv_bytes(["id", *cols], ([n, *(d.get(c, "") for c in cols)] for n, d in H.nodes(data=True)), exact)


def edges_csv(G: nx.Graph, exact: bool = False) -> bytes:
    H = flat_graph(G)
    rows = [d for *_, d in H.edges(data=True)]
    cols = [c for c in _columns(rows) if c not in ("source", "target", "key")]
    body = ([u, v, k, *(d.get(c, "") for c in cols)] for u, v, k, d in H.edges(keys=True, data=True))
    return _csv_bytes(["source", "target", "key", *cols], body, exact)


def csv_paths(out: str | Path) -> dict[str, Path]:
    """Where the three tables go: into ``out`` when it is a folder (existing, ending
    in a slash, or without suffix), else beside it with ``out``'s stem as prefix
    (``export.csv`` -> ``export_statements.csv``, ...)."""
    text = str(out)
    path = Path(out)
    if path.is_dir() or text.endswith(("/", "\\")) or not path.suffix:
        return {name: path / f"{name}.csv" for name in CSV_NAMES}
    return {name: path.with_name(f"{path.stem}_{name}.csv") for name in CSV_NAMES}


def write_csv_bundle(df: pd.DataFrame, G: nx.Graph, out: str | Path, exact: bool = False) -> list[Path]:
    """Write statements, nodes and edges CSV (defused unless ``exact``); returns the paths written."""
    paths = csv_paths(out)
    data = {"statements": statements_csv(df, exact), "nodes": nodes_csv(G, exact), "edges": edges_csv(G, exact)}
    for name, path in paths.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data[name])
    return list(paths.values())
