"""The Streamlit app through ``AppTest`` (Python side; ``test_browser.py`` drives a real browser).

Most tests open the app on a statements fixture (``ACTORGRAPH_STATEMENTS``)
so they need no extraction; one opens it on the bundled corpus as a user
would. Expected numbers always come from the library, never from constants.
"""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from streamlit.testing.v1 import AppTest

from actorgraph import view
from actorgraph.analysis import actor_quotes, edge_quotes
from actorgraph.filters import Filters, filter_frame, filtered_graph
from actorgraph.graph import build_graph, statements_frame

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
from app_fixtures import FIXTURE, G, df, drawing  # noqa: F401  (shared fixtures)
IMG = "<img src=x onerror=alert(1)>"




@pytest.fixture
def at(monkeypatch) -> AppTest:
    monkeypatch.setenv("ACTORGRAPH_STATEMENTS", str(FIXTURE))
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)
    monkeypatch.delenv("ACTORGRAPH_MAX_NODES", raising=False)
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    return app


def metrics(at: AppTest) -> dict[str, int]:
    """The header counts; "drawn of total" reads as the number drawn."""
    return {m.label: int(m.value.split(" of ")[0].replace(",", ""))
            for m in at.metric if m.label in ("Actors", "Statements", "Edges", "Articles")}  # fmt: skip


def component_data(at: AppTest) -> dict:
    return drawing(at)


def shown_markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown] + [c.value for c in at.caption]


def test_starts_with_counts_of_the_whole_graph(at, df, G):
    assert metrics(at) == {
        "Actors": G.number_of_nodes(),
        "Statements": len(df),
        "Edges": G.number_of_edges(),
        "Articles": df["article_id"].nunique(),
    }
    data = component_data(at)
    assert {n["id"] for n in data["nodes"]} == set(G.nodes)
    assert len(data["edges"]) == G.number_of_edges()
    assert data["selected"] is None


def test_filter_change_changes_node_and_edge_counts(at, df, G):
    at.multiselect(key="f_stances").set_value(["supports"]).run()
    want = filtered_graph(df, Filters(stances=("supports",)))
    got = metrics(at)
    assert got["Actors"] == want.number_of_nodes() < G.number_of_nodes()
    assert got["Edges"] == want.number_of_edges() < G.number_of_edges()
    assert got["Statements"] == len(filter_frame(df, Filters(stances=("supports",))))
    assert {e["stance"] for e in component_data(at)["edges"]} == {"supports"}

    at.slider(key="f_conf").set_value(0.8).run()
    f = Filters(stances=("supports",), min_confidence=0.8)
    assert metrics(at)["Edges"] == filtered_graph(df, f).number_of_edges()


def test_selected_actor_shows_every_quote_grouped_by_counterpart(at, df):
    actor = "Cyra"
    at.session_state["selected_actor"] = actor
    at.run()
    shown = shown_markdown(at)
    assert f"### {view.md_escape(actor)}" in shown
    groups = actor_quotes(df, actor)
    assert len(groups) > view.EVIDENCE_GROUPS  # the fixture has more groups than the first page
    assert view.group_heading(actor, groups[-1]) not in shown  # the smallest group waits behind "more"
    while button_keys := [b.key for b in at.button if str(b.key).startswith("ev_groups_btn_")]:
        at.button(key=button_keys[0]).click().run()
    shown = shown_markdown(at)
    for g in groups:
        assert view.group_heading(actor, g) in shown
        block = view.quotes_block(g["quotes"])  # one Markdown element per group
        assert block in shown
        for q in g["quotes"]:
            assert view.quote_markdown(q) in block and view.quote_caption(q) in block
    related = (df["source"] == actor) | (df["target"] == actor)
    unrelated = set(df[~related]["quote"]) - set(df[related]["quote"])
    assert unrelated
    text = "\n".join(shown)
    assert not any(view.quote_markdown({"quote": q}) in text for q in unrelated)
    assert component_data(at)["selected"] == {"kind": "node", "id": actor}
    card = {m.label: int(m.value) for m in at.metric if m.label in dict(view.CARD_COUNTS)}
    assert card["Opposes received"] == int((df["target"].eq(actor) & df["stance"].eq("opposes")).sum())


def test_selected_edge_shows_that_edge_quotes(at, df):
    ref = {"source": "Aland", "target": "Cyra", "stance": "opposes"}
    at.session_state["selected_edge"] = ref
    at.run()
    shown = shown_markdown(at)
    quotes = edge_quotes(df, **ref)
    assert len(quotes) == 2
    assert view.quotes_block(quotes) in shown
    text = "\n".join(shown)
    others = set(df["quote"]) - {q["quote"] for q in quotes}
    assert not any(view.quote_markdown({"quote": q}) in text for q in others)
    assert component_data(at)["selected"] == {"kind": "edge", "id": view.edge_id("Aland", "Cyra", "opposes")}


def test_selection_survives_filters_while_the_actor_is_visible(at, df):
    at.session_state["selected_actor"] = "Aland"
    at.run()
    at.multiselect(key="f_stances").set_value(["opposes"]).run()
    assert at.session_state["selected_actor"] == "Aland"
    assert "### Aland" in shown_markdown(at)
    assert component_data(at)["selected"] == {"kind": "node", "id": "Aland"}
    # Fara Quist only supports: hidden by the opposes filter, back when it is lifted.
    at.session_state["selected_actor"] = "Fara Quist"
    at.run()
    assert any("not in the current view" in i.value for i in at.info)
    assert component_data(at)["selected"] is None
    at.multiselect(key="f_stances").set_value([]).run()
    assert f"### {view.md_escape('Fara Quist')}" in shown_markdown(at)


def test_focus_shows_the_ego_network_and_a_way_back(at, df, G):
    at.session_state["selected_actor"] = "Dova"
    at.run()
    at.button(key="focus_btn").click().run()
    assert at.session_state["f_focus"] == "Dova"
    ego = filtered_graph(df, Filters(focus="Dova", hops=1))
    assert metrics(at)["Actors"] == ego.number_of_nodes() < G.number_of_nodes()
    at.slider(key="f_hops").set_value(2).run()
    assert metrics(at)["Actors"] == filtered_graph(df, Filters(focus="Dova", hops=2)).number_of_nodes()
    (back,) = [b for b in at.button if b.label == "Show whole graph"]
    back.click().run()
    assert metrics(at)["Actors"] == G.number_of_nodes()
    assert not [b for b in at.button if b.label == "Show whole graph"]


def test_markup_in_names_titles_and_quotes_stays_escaped(at, df):
    at.session_state["selected_actor"] = IMG
    at.run()
    shown = shown_markdown(at)
    assert f"### {view.md_escape(IMG)}" in shown
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark")
    html = "\n".join(md.render(text) for text in shown)
    assert "<img" not in html and "<script" not in html
    links = html.split("<a ")[1:]
    assert all(link.startswith('href="https://') for link in links)  # javascript: URLs stay text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Cyra's evidence cites an article with an https URL and one with a javascript: URL.
    at.session_state["selected_actor"] = "Cyra"
    at.run()
    html = "\n".join(md.render(text) for text in shown_markdown(at))
    links = html.split("<a ")[1:]
    assert links and all(link.startswith('href="https://') for link in links)
    assert "javascript:alert(1)" in html  # the bad URL is shown as text
    titles = {n["id"]: n["title"] for n in component_data(at)["nodes"]}
    assert titles[IMG].startswith(IMG)  # plain text for vis (set with innerText)


def test_tables_and_downloads_follow_the_view(at, df):
    at.multiselect(key="f_stances").set_value(["opposes"]).run()
    (statements,) = [t.value for t in at.dataframe]  # only the open tab runs
    want = filter_frame(df, Filters(stances=("opposes",)))
    assert len(statements) == len(want) and set(statements["quote"]) == set(want["quote"])
    at.session_state["main_tab"] = "Actors"
    (actors,) = [t.value for t in at.run().dataframe]
    assert set(actors["name"]) == set(filtered_graph(df, Filters(stances=("opposes",))).nodes)
    assert not at.get("download_button")
    at.session_state["main_tab"] = "Downloads"
    labels = [b.label for b in at.run().get("download_button")]
    assert labels == [e.label for e in view.exports(nx.MultiDiGraph(), nx.MultiDiGraph(), df.iloc[0:0])]


def test_export_functions_give_graphml_of_view_and_whole_graph(df, G):
    f = Filters(stances=("supports",))
    G_view = filtered_graph(df, f)
    files = {e.file_name: e.data() for e in view.exports(G_view, G, filter_frame(df, f))}
    view_g = nx.read_graphml(io.BytesIO(files["actorgraph_view.graphml"]))
    all_g = nx.read_graphml(io.BytesIO(files["actorgraph_all.graphml"]))
    assert set(view_g.nodes) == set(G_view.nodes) and view_g.number_of_edges() == G_view.number_of_edges()
    assert set(all_g.nodes) == set(G.nodes) and all_g.number_of_edges() == G.number_of_edges()


def test_view_export_carries_the_quotes_the_drawn_view_leaves_out(df, G):
    """The app's filtered graph has no quote lists (``view_stage``); its downloads build them."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("actorgraph_app_module", APP)
    app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app)  # defines the functions; main() runs only as a script
    f = Filters(stances=("supports",))
    df_view, G_view = app.view_stage(f"test_view_export-{id(df)}", f, df, G)  # a key no other test uses
    assert G_view.number_of_edges() and all("quotes" not in d for *_, d in G_view.edges(data=True))
    files = {e.file_name: e.data() for e in view.exports(app.view_for_export(df, f, G_view), G, df_view)}
    view_g = nx.read_graphml(io.BytesIO(files["actorgraph_view.graphml"]))
    assert view_g.number_of_edges() == G_view.number_of_edges()
    assert all(d.get("quotes") for *_, d in view_g.edges(data=True))
    assert app.view_for_export(df, Filters(), G) is G  # no filter: the corpus graph, quotes and all


def test_added_folder_with_a_bad_file_lists_it_and_uses_the_rest(at, tmp_path, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_DATA_ROOT", str(tmp_path))  # the path box reads only under data roots
    good = tmp_path / "good.txt"
    good.write_text(
        "Zedland backs Yorvia\n\nThe government of Russia strongly condemned the United States on Monday.\n",
        encoding="utf-8",
    )
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    before = metrics(at)["Articles"]
    at.text_input(key="folder_input").input(str(tmp_path)).run()
    [b for b in at.button if b.label == "Add path"][0].click().run()
    assert not at.exception, at.exception
    errors = [t.value for t in at.text]
    assert any("bad.json" in e for e in errors) and not any("good.txt" in e for e in errors)
    assert metrics(at)["Articles"] == before + 1


def test_starts_on_the_bundled_corpus(monkeypatch):
    from actorgraph.articles import read_articles
    from actorgraph.gazetteer import load_gazetteer
    from actorgraph.statements import extract_statements

    monkeypatch.delenv("ACTORGRAPH_STATEMENTS", raising=False)
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)
    app = AppTest.from_file(APP, default_timeout=180)
    app.run()
    assert not app.exception, app.exception
    loaded = read_articles([ROOT / "data" / "articles"])
    df = statements_frame(extract_statements(loaded.articles, gazetteer=load_gazetteer()))
    G = build_graph(df)
    assert G.number_of_nodes() > 0
    assert metrics(app) == {
        "Actors": min(G.number_of_nodes(), view.MAX_NODES),
        "Statements": len(df),
        "Edges": G.number_of_edges(),
        "Articles": df["article_id"].nunique(),
    }


def test_cap_draws_the_top_actors_and_says_how_many_are_left_out(at, G):
    at.number_input(key="f_cap").set_value(5).run()
    drawn, left_out = view.cap_graph(G, 5)
    assert left_out > 0
    assert metrics(at)["Actors"] == drawn.number_of_nodes()
    assert {n["id"] for n in component_data(at)["nodes"]} == set(drawn.nodes)
    assert any(i.value.startswith(f"{left_out} actors not shown") for i in at.info)


def test_reruns_and_filter_changes_do_not_parse_again(monkeypatch, tmp_path):
    import actorgraph.statements as engine

    real = engine.extract_statements
    calls: list[int] = []

    def counting(articles, **kw):
        calls.append(len(articles))
        return real(articles, **kw)

    monkeypatch.setattr(engine, "extract_statements", counting)
    (tmp_path / "one.txt").write_text(
        f"Cache check {tmp_path.name}\n\nRussia strongly condemned the United States on Monday.\n"
        "The United States criticised Russia over the vote.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ACTORGRAPH_DATA", str(tmp_path))
    monkeypatch.delenv("ACTORGRAPH_STATEMENTS", raising=False)
    app = AppTest.from_file(APP, default_timeout=180)
    app.run()
    assert not app.exception, app.exception
    assert calls == [1]
    if metrics(app).get("Actors"):
        app.multiselect(key="f_stances").set_value(["opposes"]).run()
    app.run()
    assert calls == [1], "a rerun or a filter change parsed the article again"


def test_a_selection_resends_no_drawing(at):
    """A click changes only the small selection component: the drawing's element stays byte for
    byte the same, so Streamlit sends a reference to the copy the browser already has."""
    def drawing_bytes() -> bytes:
        (el,) = [e for e in at.get("bidi_component") if e.proto.component_name == view.COMPONENT_NAME]
        return el.proto.bytes

    before = drawing_bytes()
    assert before and drawing(at)["selected"] is None
    at.session_state["selected_actor"] = "Aland"
    at.run()
    assert drawing(at)["selected"] == {"kind": "node", "id": "Aland"}
    assert drawing_bytes() == before
