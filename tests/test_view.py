"""The drawing's Python side: pyvis payload, safety of text, caps, layout, caches, exports.

Runs without a browser or a Streamlit session; ``tests/test_app.py`` drives the app.
"""
from __future__ import annotations

import copy
import io
import json
import math

import networkx as nx
import pytest

from actorgraph import view
from actorgraph.graph import build_graph
from actorgraph.records import Article, Statement

from app_fixtures import FIXTURE, G, df  # noqa: F401  (shared fixtures)
IMG = "<img src=x onerror=alert(1)>"
PAYLOADS = [
    "<script>alert(1)</script>",
    IMG,
    "[click](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "**bold** _it_ `code` $x$ :red[red] # head",
    "![img](http://example.org/x.png)",
]




def snapshot(G: nx.Graph):
    return (
        copy.deepcopy(dict(G.graph)),
        copy.deepcopy(dict(G.nodes(data=True))),
        copy.deepcopy(sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))),
    )


def star(n_leaves: int, prefix: str = "leaf") -> nx.MultiDiGraph:
    """A hub with leaves; leaf i has i+1 statements so the ranking is known."""
    G = nx.MultiDiGraph()
    G.add_node("hub", name="hub", type="country", mentions=100, weighted_degree=1000, camp=0)
    for i in range(n_leaves):
        name = f"{prefix} {i:04d}"
        G.add_node(name, name=name, type="person", mentions=i + 1, weighted_degree=i + 1, camp=1)
        G.add_edge(name, "hub", key="opposes", stance="opposes", sign=-1, weight=i + 1, relations=["criticises"])
    return G


# --------------------------------------------------------------------------- text safety


def render(md: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").render(md)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_escape_renders_payload_as_its_own_text(payload):
    html = render(view.md_escape(payload))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html and "<h1>" not in html
    # What the reader sees is exactly the payload, character for character (the word joiner
    # that keeps a bare URL from becoming a link is invisible).
    import html as htmllib

    text = htmllib.unescape(html.replace("<p>", "").replace("</p>", "").strip())
    assert text.replace("\u2060", "") == payload


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\nscript:alert(1)",
     "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x", "http:/no-host", "", None, 42],
)  # fmt: skip
def test_safe_url_rejects_everything_but_http(url):
    assert view.safe_url(url) is None
    label = view.md_link("title", url)
    assert "](" not in label and "<a" not in render(label)


def test_safe_url_keeps_http_and_md_link_links_it():
    assert view.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert view.safe_url("http://example.org") == "http://example.org"
    html = render(view.md_link("A (title)", "https://example.org/x_(y)"))
    assert '<a href="https://example.org/x_%28y%29">A (title)</a>' in html


def test_quote_caption_never_links_unsafe_url():
    q = {"title": IMG, "url": "javascript:alert(1)", "date": "2016-02-01", "source_ref": "javascript:alert(1)"}
    html = render(view.quote_caption(q))
    assert "<a" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "javascript:alert(1)" in html


def test_tooltips_are_plain_text_with_the_facts(G):
    name = IMG
    tip = view.node_tooltip(name, G.nodes[name])
    assert tip.splitlines()[0] == f"{IMG} (group)"  # verbatim: vis sets it with innerText
    d = G.nodes[name]
    assert f"{d['opposes_given']} opposes" in tip
    u, v, k, e = next((u, v, k, e) for u, v, k, e in G.edges(keys=True, data=True) if u == "Aland" and v == "Cyra")
    etip = view.edge_tooltip(u, v, e)
    assert etip.splitlines()[0] == "Aland opposes Cyra"
    assert f"{e['weight']} statements" in etip
    for rel in e["relations"]:
        assert rel in etip


# --------------------------------------------------------------------------- the pyvis payload


def test_payload_holds_nodes_edges_and_options(G):
    before = snapshot(G)
    p = view.network_payload(G)
    assert snapshot(G) == before, "building the drawing changed the (possibly cached) graph"
    json.dumps(p)  # the component receives JSON
    nodes, edges = view.payload_items(p)
    assert {n["id"] for n in nodes} == set(G.nodes)
    assert len(edges) == G.number_of_edges()
    assert len({e["id"] for e in edges}) == len(edges)
    for n in nodes:
        assert n["label"] == G.nodes[n["id"]]["name"]
        assert isinstance(n["title"], str)
    for e in edges:
        assert e["color"]["color"] == view.STANCE_COLORS[e["stance"]]
        assert e["arrows"] == "to"
        assert G.has_edge(e["from"], e["to"], key=e["stance"])
        assert e["id"] == view.edge_id(e["from"], e["to"], e["stance"])
        assert e["title"] == view.edge_tooltip(e["from"], e["to"], G.edges[e["from"], e["to"], e["stance"]])


def test_node_colour_follows_type_or_camp_and_size_follows_mentions(G):
    by_type = {n["id"]: n for n in view.payload_items(view.network_payload(G, color_by="type"))[0]}
    by_camp = {n["id"]: n for n in view.payload_items(view.network_payload(G, color_by="camp"))[0]}
    for name, d in G.nodes(data=True):
        assert by_type[name]["color"]["background"] == view.TYPE_COLORS[d["type"]]
        assert by_camp[name]["color"]["background"] == view.node_color(d, "camp")
    ranked = sorted(G.nodes, key=lambda n: G.nodes[n]["mentions"])
    sizes = [by_type[n]["size"] for n in ranked]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    labels = {item["label"] for item in view.network_payload(G)["legend"]}
    assert {d["type"] for _, d in G.nodes(data=True)} | {"supports", "opposes"} <= labels


def test_version_tracks_the_drawing_not_the_selection(G, df):
    a = view.network_payload(G)
    b = view.network_payload(G, selected={"actor": "Cyra"})
    assert a["version"] == b["version"] and b["selected"] == {"kind": "node", "id": "Cyra"}
    smaller = build_graph(df[df["stance"] == "supports"])
    assert view.network_payload(smaller)["version"] != a["version"]
    assert view.network_payload(G, color_by="camp")["version"] != a["version"]


def test_selection_maps_to_drawn_ids_or_nothing(G):
    edge = {"source": "Aland", "target": "Cyra", "stance": "opposes"}
    sel = view.selected_for_component(G, {"actor": "Aland", "edge": edge})
    assert sel == {"kind": "edge", "id": view.edge_id("Aland", "Cyra", "opposes")}
    assert view.selected_for_component(G, {"actor": "Nobody", "edge": None}) is None
    wrong_stance = {**edge, "stance": "supports"}
    assert view.selected_for_component(G, {"actor": "Aland", "edge": wrong_stance}) == {"kind": "node", "id": "Aland"}


def test_parse_click_accepts_only_well_formed_payloads():
    assert view.parse_click({"kind": "node", "id": "Russia"}) == ("node", "Russia")
    hit = view.parse_click({"kind": "edge", "id": "e1", "source": "A", "target": "B", "stance": "opposes"})
    assert hit == ("edge", view.EdgeRef("A", "B", "opposes"))
    for bad in (None, "Russia", {"kind": "node"}, {"kind": "node", "id": 3}, {"kind": "edge", "source": "A"},
                {"kind": "zap", "id": "x"}, {"kind": "node", "id": ""}):  # fmt: skip
        assert view.parse_click(bad) is None


# --------------------------------------------------------------------------- big graphs


def test_options_by_size():
    small = view.network_options(20)
    big = view.network_options(view.IMPROVED_LAYOUT_LIMIT + 1)
    placed = view.network_options(500, positioned=True)
    assert small["layout"]["improvedLayout"] is True and small["physics"]["enabled"] is True
    assert big["layout"]["improvedLayout"] is False
    assert big["edges"]["smooth"] is False
    assert big["interaction"]["hideEdgesOnDrag"] is True
    for opts in (small, big):
        assert 0 < opts["physics"]["stabilization"]["iterations"] <= 500
    assert placed["physics"]["enabled"] is False


def test_big_drawing_has_straight_edges_and_python_positions():
    G = star(400)
    H, left = view.cap_graph(G, view.MAX_NODES)
    pos = view.layout_positions(H)
    p = view.network_payload(H, positions=pos)
    nodes, edges = view.payload_items(p)
    assert all(e["smooth"] == {"enabled": False} for e in edges)
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert p["options"]["physics"]["enabled"] is False


def test_cap_keeps_the_most_connected_and_counts_the_rest():
    G = star(400)
    before = snapshot(G)
    H, left = view.cap_graph(G, 300)
    assert snapshot(G) == before
    assert H.number_of_nodes() == 300 and left == 101
    assert "hub" in H and "leaf 0399" in H and "leaf 0101" in H and "leaf 0100" not in H
    H2, left2 = view.cap_graph(G, 300, keep=["leaf 0000"])
    assert "leaf 0000" in H2 and "leaf 0101" not in H2 and "leaf 0102" in H2
    assert H2.number_of_nodes() == 300 and left2 == 101
    same, none = view.cap_graph(G, 1000)
    assert none == 0 and same.number_of_nodes() == G.number_of_nodes() and same is not G


def test_edge_cap_keeps_the_heaviest_edges_among_the_actors_drawn():
    G = star(400)
    G.add_edge("hub", "leaf 0399", key="supports", stance="supports", sign=1, weight=500, relations=["praises"])
    before = snapshot(G)
    H, left = view.cap_graph(G, 300, max_edges=50)
    assert snapshot(G) == before
    assert H.number_of_nodes() == 300 and left == 101, "the edge cap leaves the actors drawn as they were"
    assert view.edge_count(H) == H.number_of_edges() == 50
    drawn = sorted((G[u][v][k]["weight"] for u, v, k in H.edges(keys=True)), reverse=True)
    inside = sorted((d["weight"] for u, v, d in G.edges(data=True) if u in H and v in H), reverse=True)
    assert drawn == inside[:50] and drawn[-1] > inside[-1]
    assert H.has_edge("hub", "leaf 0399", key="supports"), "a second stance between the same pair is its own edge"
    uncut, none = view.cap_graph(G, 1000, max_edges=10_000)
    assert none == 0 and view.edge_count(uncut) == G.number_of_edges()
    only_edges, none = view.cap_graph(G, 1000, max_edges=10)
    assert none == 0 and only_edges.number_of_nodes() == G.number_of_nodes() and only_edges.number_of_edges() == 10
    assert min(d["weight"] for *_, d in only_edges.edges(data=True)) == 392  # 500 and 400 down to 392


def test_cap_drops_actors_left_without_any_tie():
    G = star(10)
    G.add_node("far", name="far", type="person", mentions=50, weighted_degree=50)
    G.add_node("friend", name="friend", type="person", mentions=1, weighted_degree=0)
    G.add_edge("friend", "far", key="supports", stance="supports", weight=1)
    G.nodes["friend"]["weighted_degree"] = 0
    H, left = view.cap_graph(G, 6)  # hub, far and four leaves: far's only tie (friend) is cut
    assert "far" not in H and left == G.number_of_nodes() - H.number_of_nodes()
    assert all(H.degree(n) > 0 for n in H)


def test_layout_is_deterministic_complete_and_compact():
    G = star(200)
    G.add_nodes_from(f"lone {i}" for i in range(30))
    G.add_edge("pair a", "pair b", key="supports", stance="supports", weight=1)
    a, b = view.layout_positions(G), view.layout_positions(G)
    assert a == b and set(a) == set(map(str, G.nodes))
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in a.values())
    main = [a[n] for n in G if n.startswith("leaf") or n == "hub"]
    span = max(x for x, _ in main) - min(x for x, _ in main)
    for n in ("lone 0", "lone 29", "pair a"):
        x, y = a[n]
        assert abs(x) < 2 * span and abs(y) < 2 * span, "small parts are packed near the main one"
    assert len(set(a.values())) == len(a), "no two actors on the same spot"


def test_graph_signature_follows_structure():
    G = star(5)
    H = star(5)
    assert view.graph_signature(G) == view.graph_signature(H)
    H.add_edge("leaf 0000", "leaf 0001", key="supports", stance="supports", weight=1)
    assert view.graph_signature(G) != view.graph_signature(H)


# --------------------------------------------------------------------------- panel data and tables


def test_actor_card_reports_the_node(G):
    card = view.actor_card(G, "Eli Noor")
    d = G.nodes["Eli Noor"]
    assert card["type"] == "person" and card["role"] == d["role"] and card["affiliation"] == d["affiliation"]
    for _, key in view.CARD_COUNTS:
        assert card[key] == d[key]
    assert view.actor_card(G, "Nobody") is None


def test_statements_table_has_every_quote_and_article(df):
    t = view.statements_table(df)
    assert len(t) == len(df)
    assert list(t["quote"]) == list(df["quote"]) and list(t["title"]) == list(df["title"])
    assert set(view.STATEMENT_TABLE_COLUMNS) == set(t.columns)


def test_actors_table_lists_every_actor_with_allies(G):
    t = view.actors_table(G)
    assert set(t["name"]) == set(G.nodes)
    row = t.set_index("name").loc["Dova"]
    assert "Aland" in row["allies"] and "Cyra" in row["opponents"]


# --------------------------------------------------------------------------- exports


def test_exports_are_valid_files(G, df):
    view_df = df[df["stance"] == "opposes"]
    G_view = build_graph(view_df)
    files = {e.file_name: e for e in view.exports(G_view, G, view_df)}
    assert len(files) == 5 and all(name.startswith("actorgraph_") for name in files)
    g_view = nx.read_graphml(io.BytesIO(files["actorgraph_view.graphml"].data()))
    g_all = nx.read_graphml(io.BytesIO(files["actorgraph_all.graphml"].data()))
    assert set(g_view.nodes) == set(G_view.nodes) and set(g_all.nodes) == set(G.nodes)
    assert g_view.number_of_edges() == G_view.number_of_edges()
    gexf = nx.read_gexf(io.BytesIO(files["actorgraph_view.gexf"].data()))
    assert set(gexf.nodes) == set(G_view.nodes)
    doc = json.loads(files["actorgraph_view_nodelink.json"].data())
    assert len(doc["nodes"]) == G_view.number_of_nodes()
    csv_text = files["actorgraph_statements_view.csv"].data().decode("utf-8")
    import csv

    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(rows) == len(view_df) and {r["stance"] for r in rows} == {"opposes"}


# --------------------------------------------------------------------------- extraction cache


def article(i: int, title: str = "T") -> Article:
    text = f"Article number {i}."
    from actorgraph.records import text_id

    return Article(id=text_id(text), title=title, text=text, path=f"a{i}.txt")


def fake_statement(a: Article) -> Statement:
    return Statement(
        source="A", target="B", source_type="country", target_type="country", stance="supports", sign=1,
        relation="supports", quote=a.text, article_id=a.id, title=a.title, date=None, path=a.path, url=None,
        sentence_index=0, start=0, end=len(a.text), confidence=1.0,
    )  # fmt: skip


def test_statement_store_parses_each_article_once():
    calls: list[list[str]] = []

    def extract(articles, progress=None):
        calls.append([a.id for a in articles])
        for i, a in enumerate(articles, 1):
            if progress:
                progress(i, len(articles))
            yield fake_statement(a)

    store = view.StatementStore()
    seen: list[tuple[int, int]] = []
    a1, a2, a3 = article(1), article(2), article(3)
    out = store.get_or_extract([a1, a2], extract, lambda d, t: seen.append((d, t)))
    assert [s.article_id for s in out] == [a1.id, a2.id] and seen == [(1, 2), (2, 2)]
    out = store.get_or_extract([a2, a1, a3, a3], extract)
    assert calls == [[a1.id, a2.id], [a3.id]], "only the new article is parsed"
    assert [s.article_id for s in out] == [a2.id, a1.id, a3.id]
    store.get_or_extract([a1, a2, a3], extract)
    assert len(calls) == 2
    retitled = article(1, title="Other title")  # same text, other title: statements copy the title
    assert store.missing([retitled]) == [retitled]


def test_statement_store_skips_an_article_the_engine_fails_on():
    bad = article(9)

    def extract(articles, progress=None):
        for a in articles:
            if a.id == bad.id:
                raise RuntimeError("engine bug")
            yield fake_statement(a)

    errors: list[str] = []
    good = article(8)
    out = view.StatementStore().get_or_extract([good, bad], extract, errors=errors)
    assert [s.article_id for s in out] == [good.id]
    assert len(errors) == 1 and errors[0].startswith("a9.txt: could not analyse") and "engine bug" in errors[0]


def test_folder_signature_changes_when_a_file_changes(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    s1 = view.folder_signature(str(tmp_path))
    assert view.folder_signature(str(tmp_path)) == s1
    (tmp_path / "b.txt").write_text("two")
    assert view.folder_signature(str(tmp_path)) != s1
    assert view.folder_signature(str(tmp_path / "missing")) != s1


# --------------------------------------------------------------------------- the component files


def test_component_ships_vis_from_pyvis_and_loads_nothing_remote():
    js, vis = view.component_js(), view.vis_js()
    assert "@version 9.1.2" in vis and "export default function" in vis and "@version" not in js
    assert "window.actorgraphNetwork" in js and "export default function" in js
    assert "actorgraph:vis" in js and "actorgraph:vis" in vis  # the drawing waits for the bundle's element
    assert "sourceMappingURL" not in vis
    for remote in ("cdn.", "unpkg", "jsdelivr", "cdnjs", "googleapis", "import(\"http", "fetch("):
        assert remote not in js and remote not in vis
    css = view.component_css()
    assert ".actorgraph-root" in css and "@import" not in css and "url(" not in css
    package_files = {p.name for p in view.COMPONENT_DIR.iterdir()}
    assert {"network.js", "network.css"} <= package_files


def test_quote_caption_shows_the_rule_that_found_the_statement():
    q = {"title": "T", "relation": "condemns", "rule": "verb.direct"}
    assert view.quote_caption(q) == "T · condemns · rule verb\\.direct"
    assert "rule verb.direct" in render(view.quote_caption(q))
    assert "rule" not in view.quote_caption({"title": "T", "relation": "condemns", "rule": ""})


def test_edge_quotes_carry_the_rule():
    import pandas as pd

    from actorgraph.analysis import edge_quotes
    from actorgraph.records import STATEMENT_COLUMNS

    row = {c: None for c in STATEMENT_COLUMNS}
    row.update(source="A", target="B", stance="opposes", relation="condemns", quote="A condemned B.", id="x",
               article_id="a", title="T", start=0, confidence=0.9, rule="verb.direct")
    assert [q["rule"] for q in edge_quotes(pd.DataFrame([row]), "A", "B")] == ["verb.direct"]


def test_reused_positions_keep_placed_actors_and_put_new_ones_near_their_neighbours():
    G = nx.MultiDiGraph()
    G.add_edges_from([("a", "b"), ("b", "c"), ("c", "d"), ("d", "new")])
    G.add_node("lone")
    before = {"a": (0.0, 0.0), "b": (60.0, 0.0), "c": (120.0, 0.0), "d": (180.0, 0.0), "gone": (999.0, 9.0)}
    pos = view.reuse_positions(G, before)
    assert set(pos) == set(G) and all(pos[k] == before[k] for k in "abcd")
    assert math.dist(pos["new"], before["d"]) < 60  # beside its only neighbour
    assert pos["lone"][1] > 0  # in a row under the drawing
    assert view.reuse_positions(G, {"a": (0.0, 0.0)}) is None  # too few known: lay it out afresh


def test_grouped_layout_puts_each_camp_in_its_own_block():
    G = nx.MultiDiGraph()
    for camp, names in enumerate((["a1", "a2", "a3", "a4"], ["b1", "b2", "b3"], ["c1", "c2"])):
        for n in names:
            G.add_node(n, camp=camp, type="country")
        G.add_edges_from(zip(names, names[1:]))
    G.add_edge("a1", "b1")
    pos = view.grouped_positions(G, "camp")
    assert set(pos) == set(G)
    boxes = []
    for prefix in "abc":
        xs = [pos[n][0] for n in G if n.startswith(prefix)]
        ys = [pos[n][1] for n in G if n.startswith(prefix)]
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    for i, p in enumerate(boxes):
        for q in boxes[i + 1 :]:
            apart_x = p[1] < q[0] or q[1] < p[0]
            apart_y = p[3] < q[2] or q[3] < p[2]
            assert apart_x or apart_y, (p, q)


# --------------------------------------------------------------------------- speed at scale: same answers, less work


def test_payload_is_columns_far_smaller_than_items_and_round_trips_as_bytes(G):
    """The browser gets columns, not one dict per item (issue 12/14); the bytes are that JSON."""
    p = view.network_payload(G)
    nodes, edges = view.payload_items(p)
    assert len(p["nodes"]["id"]) == len(nodes) and len(p["edges"]["from"]) == len(edges)
    assert json.loads(view.payload_bytes(p)) == p
    assert len(view.payload_bytes(p)) < 0.5 * len(json.dumps({"nodes": nodes, "edges": edges}))
    assert "selected" not in p  # the app sends the selection apart


def test_payload_bytes_reuse_the_drawing_json_only_while_it_is_the_same(G):
    """``network_payload`` encodes the drawing once (its version is a hash of it); the bytes are
    the whole payload's JSON, and a part replaced afterwards is encoded anew."""
    p = view.network_payload(G, notice="note")
    assert json.loads(view.payload_bytes(p)) == p
    assert p["version"] == view.network_payload(G, notice="other")["version"]
    other = view.network_payload(view.cap_graph(G, 3)[0])
    p["edges"] = other["edges"]
    assert json.loads(view.payload_bytes(p))["edges"] == other["edges"]
    assert json.loads(view.payload_bytes(dict(p))) == p


def test_evidence_groups_are_actor_quotes_with_records_made_when_shown(df):
    """Same groups, order, counts and records as ``analysis.actor_quotes``, and the same search."""
    from actorgraph.analysis import actor_quotes

    for actor in sorted(set(df["source"]) | set(df["target"])):
        want, got = actor_quotes(df, actor), view.evidence_groups(df, actor)
        key = lambda g: (g["counterpart"], g["direction"], g["stance"], g["count"])  # noqa: E731
        assert [key(g) for g in got] == [key(g) for g in want]
        for w, g in zip(want, got):
            assert g["quotes"][:] == w["quotes"] and g["quotes"][1:3] == w["quotes"][1:3]
            assert g["quotes"][0] == w["quotes"][0]
        for needle in ("talks", "Border", "no such words"):
            a, b = view.search_groups(want, needle), view.search_groups(got, needle)
            assert [(g["counterpart"], g["count"]) for g in b] == [(g["counterpart"], g["count"]) for g in a]
            assert [g["quotes"][:] for g in b] == [g["quotes"] for g in a]


def test_actors_table_ties_for_a_page_equal_the_whole_table(G):
    whole, bare = view.actors_table(G), view.actors_table(G, ties=False)
    assert set(bare["allies"]) == {""} and set(bare["opponents"]) == {""}
    assert view.with_ties(bare.iloc[1:4], G).equals(whole.iloc[1:4])
    assert whole["allies"].str.len().sum() > 0


def test_cap_without_cut_is_a_read_only_view(G):
    H, left = view.cap_graph(G, G.number_of_nodes() + 1)
    assert left == 0 and H is not G and set(H.edges(keys=True)) == set(G.edges(keys=True))
    with pytest.raises(nx.NetworkXError):
        H.add_node("someone new")


def test_big_drawings_leave_hover_and_selection_to_the_component():
    big, small = view.network_options(view.IMPROVED_LAYOUT_LIMIT + 1), view.network_options(10)
    assert big["interaction"]["hover"] is False and big["interaction"]["selectable"] is False
    assert small["interaction"]["hover"] is True and small["interaction"]["selectable"] is True


def test_chart_specs_are_plain_vega_lite():
    spec = view.time_chart_spec("month")
    assert spec["encoding"]["x"]["title"] == "month"
    assert spec["encoding"]["color"]["scale"]["domain"] == list(view.SERIES_COLORS)
    assert view.edge_chart_spec("opposes")["encoding"]["color"]["value"] == view.STANCE_COLORS["opposes"]
    json.dumps(spec)


def test_evidence_groups_equal_actor_quotes_on_a_large_messy_frame(df):
    """Many rows, undated statements, shared dates and a self-loop: the same groups and records as
    ``analysis.actor_quotes``; a second call is served from the cache, a new frame is not."""
    from actorgraph.analysis import actor_quotes

    import pandas as pd

    big = pd.concat([df] * 40, ignore_index=True)
    big["id"] = [f"{i}:{s}" for i, s in enumerate(big["id"])]
    big.loc[big.index % 7 == 0, "date"] = None
    big.loc[3, "target"] = big.loc[3, "source"]
    actor = big["source"].value_counts().index[0]
    want, got = actor_quotes(big, actor), view.evidence_groups(big, actor)
    key = lambda g: (g["counterpart"], g["direction"], g["stance"], g["count"])  # noqa: E731
    assert [key(g) for g in got] == [key(g) for g in want] and sum(g["count"] for g in got) > 100
    assert all(g["quotes"][:] == w["quotes"] for g, w in zip(got, want))
    assert view.evidence_groups(big, actor) is got
    other = big.copy()
    other.loc[other["source"] == actor, "stance"] = "opposes"
    assert [key(g) for g in view.evidence_groups(other, actor)] == [key(g) for g in actor_quotes(other, actor)]
