"""Exports: every attribute survives a round trip, and article text stays data."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from actorgraph import graph
from actorgraph.readwrite import flat, gexf, graphml, tables
from actorgraph.readwrite import json as node_link
from actorgraph.readwrite.statements import read_statements

FIXTURE = Path(__file__).parent / "fixtures" / "statements.jsonl"

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE = f"He said \"{SCRIPT}\" & '{IMG}' | a\\b\\|c\ttab\nnext line"
CONTROL = "bell\x07 nul\x00 esc\x1b cr\r\nlf\rx \x0b\x0c\ufffe end"
CONTROL_IN_XML = "bell nul esc cr\nlf\nx  end"  # what XML 1.0 can carry of CONTROL


@pytest.fixture(scope="module")
def statements():
    return list(read_statements(FIXTURE))


@pytest.fixture(scope="module")
def hostile(statements):
    """The fixture plus statements whose every text field is hostile."""
    a, b = statements[0], statements[1]
    evil = dataclasses.replace(
        a, source="Smith & <Sons>", source_type="organisation", quote=HOSTILE, title=IMG + ' & "Title"',
        url="https://example.org/?a=1&b=<2>", source_mention="Smith & <Sons> Ltd", cue="\"'", start=5000, end=5000 + len(HOSTILE),
    )  # fmt: skip
    ctrl = dataclasses.replace(b, quote=CONTROL, title="Tab\there", start=6000, end=6000 + len(CONTROL))
    return statements + [evil, ctrl]


def expected(d: dict) -> dict:
    """Attributes as exports promise to give them back: None as ""."""
    return {k: ("" if v is None else v) for k, v in d.items()}


def assert_same_graph(read: nx.MultiDiGraph, G: nx.MultiDiGraph, fix_text=lambda s: s) -> None:
    def norm(d):
        out = {}
        for k, v in expected(d).items():
            if isinstance(v, str):
                v = fix_text(v)
            elif isinstance(v, list):
                v = [fix_text(x) for x in v]
            out[k] = v
        return out

    assert sorted(read.nodes) == sorted(fix_text(n) for n in G.nodes)
    for n, d in G.nodes(data=True):
        got, want = read.nodes[fix_text(n)], norm(d)
        assert got == want, n
        assert {k: type(v) for k, v in got.items()} == {k: type(v) for k, v in want.items()}
    assert read.number_of_edges() == G.number_of_edges()
    for u, v, k, d in G.edges(keys=True, data=True):
        got, want = read.edges[fix_text(u), fix_text(v), fix_text(k)], norm(d)
        assert got == want, (u, v, k)
        assert {k: type(x) for k, x in got.items()} == {k: type(x) for k, x in want.items()}


@pytest.mark.parametrize("multi", [False, True])
def test_graphml_round_trip_keeps_every_attribute_and_type(statements, multi, tmp_path):
    df = graph.statements_frame(statements)
    G = graph.build_multigraph(df) if multi else graph.build_graph(df)
    graphml.write_graphml(G, tmp_path / "g.graphml")
    read = graphml.read_graphml(tmp_path / "g.graphml")
    assert_same_graph(read, G)
    plain = nx.read_graphml(tmp_path / "g.graphml")  # what Gephi-like readers see
    some = next(iter(plain.edges(data=True)))[2]
    assert isinstance(some["weight"], int) and isinstance(some["sign"], int)
    assert isinstance(some["confidence"], float)


def test_graphml_gives_every_element_every_key(statements):
    G = graph.build_graph(graph.statements_frame(statements))
    root = ET.fromstring(graphml.to_graphml_bytes(G))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys: dict[str, set] = {"node": set(), "edge": set(), "graph": set()}
    for key in root.findall("g:key", ns):
        keys[key.get("for")].add(key.get("id"))
        assert key.get("attr.type") in {"string", "long", "int", "double", "boolean"}
    for kind in ("node", "edge"):
        for element in root.iter(f"{{{ns['g']}}}{kind}"):
            assert {d.get("key") for d in element.findall("g:data", ns)} == keys[kind]
    assert b">None<" not in graphml.to_graphml_bytes(G)


@pytest.mark.parametrize("multi", [False, True])
def test_hostile_text_round_trips_in_graphml(hostile, multi):
    df = graph.statements_frame(hostile)
    G = graph.build_multigraph(df) if multi else graph.build_graph(df)
    data = graphml.to_graphml_bytes(G)
    assert SCRIPT.encode() not in data and IMG.encode() not in data
    read = graphml.read_graphml(io.BytesIO(data))
    assert_same_graph(read, G, fix_text=flat.xml_text)
    quotes = [q for *_, d in read.edges(data=True) for q in (d.get("quotes") or [d.get("quote")])]
    assert HOSTILE in quotes and CONTROL_IN_XML in quotes


@pytest.mark.parametrize("multi", [False, True])
def test_hostile_text_round_trips_in_gexf(hostile, multi, tmp_path):
    df = graph.statements_frame(hostile)
    G = graph.build_multigraph(df) if multi else graph.build_graph(df)
    gexf.write_gexf(G, tmp_path / "g.gexf")
    data = (tmp_path / "g.gexf").read_bytes()
    assert SCRIPT.encode() not in data and IMG.encode() not in data
    assert_same_graph(gexf.read_gexf(tmp_path / "g.gexf"), G, fix_text=flat.xml_text)


@pytest.mark.parametrize("multi", [False, True])
def test_hostile_text_round_trips_exactly_in_json(hostile, multi):
    df = graph.statements_frame(hostile)
    G = graph.build_multigraph(df) if multi else graph.build_graph(df)
    data = node_link.to_json_bytes(G)
    for raw in (b"<", b">", b"&"):
        assert raw not in data  # safe even pasted inside an HTML <script> block
    assert_same_graph(node_link.read_json(io.BytesIO(data)), G)
    doc = json.loads(data)
    assert set(doc) >= {"nodes", "edges", "directed", "multigraph"}
    assert doc == node_link.to_node_link(G)


def test_hostile_text_round_trips_exactly_in_csv(hostile, tmp_path):
    df = graph.statements_frame(hostile)
    G = graph.build_graph(df)
    paths = tables.write_csv_bundle(df, G, tmp_path / "out")
    assert [p.name for p in paths] == ["statements.csv", "nodes.csv", "edges.csv"]
    assert list(read_statements(paths[0])) == hostile  # every field, control characters included
    with paths[1].open(encoding="utf-8", newline="") as fh:
        nodes = {row["id"]: row for row in csv.DictReader(fh)}
    assert set(nodes) == set(G)
    for n, d in G.nodes(data=True):
        assert flat.split_list(nodes[n]["aliases"]) == d["aliases"]
        assert nodes[n]["affiliation"] == (d["affiliation"] or "")
        assert float(nodes[n]["pagerank"]) == d["pagerank"] and int(nodes[n]["camp"]) == d["camp"]
    with paths[2].open(encoding="utf-8", newline="") as fh:
        edges = {(r["source"], r["target"], r["key"]): r for r in csv.DictReader(fh)}
    assert set(edges) == set(G.edges(keys=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        row = edges[u, v, k]
        assert flat.split_list(row["quotes"]) == d["quotes"] and flat.split_list(row["titles"]) == d["titles"]
        assert int(row["weight"]) == d["weight"] and int(row["sign"]) == d["sign"]


def test_csv_prefix_and_folder_names(tmp_path):
    assert tables.csv_paths(tmp_path / "x.csv")["nodes"] == tmp_path / "x_nodes.csv"
    assert tables.csv_paths(tmp_path / "folder")["edges"] == tmp_path / "folder" / "edges.csv"
    assert tables.csv_paths(f"{tmp_path}/dir.v2/")["statements"] == tmp_path / "dir.v2" / "statements.csv"


@pytest.mark.parametrize(
    "items",
    [[], ["a"], ["a|b", "c\\", "\\|", "x"], ["", "x"], ["x", ""], ["|||"], ["\\"], [HOSTILE, CONTROL]],
)
def test_list_join_splits_back_exactly(items):
    assert flat.split_list(flat.join_list(items)) == items


def test_xml_text_removes_only_what_xml_cannot_carry():
    assert flat.xml_text(CONTROL) == CONTROL_IN_XML
    kept = "tab\t nl\n é ü 中文 😀 \u2028"
    assert flat.xml_text(kept) == kept


def test_writers_take_paths_and_binary_files(statements, tmp_path):
    G = graph.build_graph(graph.statements_frame(statements))
    for write, to_bytes in (
        (graphml.write_graphml, graphml.to_graphml_bytes),
        (gexf.write_gexf, gexf.to_gexf_bytes),
        (node_link.write_json, node_link.to_json_bytes),
    ):
        buf = io.BytesIO()
        write(G, buf)
        path = tmp_path / "sub" / f"g.{write.__name__}"
        write(G, path)
        assert buf.getvalue() == to_bytes(G) == path.read_bytes()


def test_exports_do_not_touch_the_graph(statements):
    G = graph.build_graph(graph.statements_frame(statements))
    before = nx.node_link_data(G, edges="edges")
    graphml.to_graphml_bytes(G), gexf.to_gexf_bytes(G), node_link.to_json_bytes(G), tables.edges_csv(G)
    assert nx.node_link_data(G, edges="edges") == before
