"""The app with many articles sends only a page of each table and a bounded list of choices,
and builds the filter choices once per corpus (issue 14)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_filters import synthetic  # noqa: E402

from actorgraph.readwrite.statements import write_jsonl  # noqa: E402

APP = str(ROOT / "app.py")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, int]:
    n = 6000  # 240 articles, 40 actors
    path = tmp_path_factory.mktemp("scale") / "statements.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        write_jsonl(synthetic(n, 40), fh)
    return path, n


@pytest.fixture
def app(corpus, monkeypatch) -> AppTest:
    monkeypatch.setenv("ACTORGRAPH_STATEMENTS", str(corpus[0]))
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    return at


def test_tables_send_one_page(app, corpus):

    pages = [n for n in app.number_input if n.key == "page_statements"]
    assert pages and pages[0].max == -(-corpus[1] // 100)
    first = app.dataframe[0].value
    assert len(first) == 100
    pages[0].set_value(3).run()
    third = app.dataframe[0].value
    assert len(third) == 100 and set(first["id"]).isdisjoint(third["id"])


def test_article_filter_offers_a_bounded_list_found_by_search(app):
    articles = app.multiselect(key="f_articles")
    assert len(articles.options) == 100  # of 240
    app.text_input(key="f_articles_find").input("Article 23").run()
    found = app.multiselect(key="f_articles").options
    assert found and len(found) < 100 and all("Article 23" in o for o in found)
    app.multiselect(key="f_articles").select(found[0]).run()
    assert not app.exception, app.exception
    assert int([m for m in app.metric if m.label == "Articles"][0].value) == 1


def test_filter_change_draws_the_heaviest_edges_and_says_drawn_of_total(app, corpus):
    """With "Most edges drawn" below the edges in view, a filter change draws that many edges of the
    filtered graph, the heaviest, and the header and a notice say "drawn of total"."""
    from app_fixtures import drawing

    from actorgraph import view
    from actorgraph.filters import Filters, apply
    from actorgraph.graph import statements_frame
    from actorgraph.readwrite.statements import read_statements

    df = statements_frame(read_statements(corpus[0]))
    app.number_input(key="f_edge_cap").set_value(200).run()
    app.multiselect(key="f_stances").set_value(["supports"]).run()
    assert not app.exception, app.exception
    view_df, G_view = apply(df, Filters(stances=("supports",)))
    total = G_view.number_of_edges()
    header = {m.label: m.value for m in app.metric}
    assert total > 200 and header["Edges"] == f"200 of {total:,}"
    assert header["Statements"] == f"{len(view_df):,}"
    assert header["Actors"] == f"{G_view.number_of_nodes():,}", "the edge cap leaves every actor drawn"
    assert any(i.value.startswith("Only the 200 heaviest edges") and f"of {total:,}" in i.value for i in app.info)
    drawn = drawing(app)
    assert len(drawn["edges"]) == 200 and {e["stance"] for e in drawn["edges"]} == {"supports"}
    assert {n["id"] for n in drawn["nodes"]} == set(G_view.nodes)
    weights = sorted((d["weight"] for *_, d in G_view.edges(data=True)), reverse=True)
    assert sorted((e["weight"] for e in drawn["edges"]), reverse=True) == weights[:200]
    for e in drawn["edges"]:  # each drawn edge is the filtered graph's own, with its facts
        d = G_view[e["from"]][e["to"]][e["stance"]]
        assert e["weight"] == d["weight"] and e["title"] == view.edge_tooltip(e["from"], e["to"], d)
    app.multiselect(key="f_stances").set_value([]).run()
    assert {m.label: m.value for m in app.metric}["Edges"] == f"200 of {df_edges(df):,}"


def df_edges(df) -> int:
    from actorgraph.graph import build_graph

    return build_graph(df).number_of_edges()


def test_filter_choices_are_built_once_per_corpus(corpus, monkeypatch):
    import actorgraph.filters as filters

    calls: list[int] = []
    real = filters.choices
    monkeypatch.setattr(filters, "choices", lambda df: calls.append(len(df)) or real(df))
    path = corpus[0].with_name("again.jsonl")
    path.write_bytes(corpus[0].read_bytes() + b"\n")  # same statements, another corpus key
    monkeypatch.setenv("ACTORGRAPH_STATEMENTS", str(path))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.multiselect(key="f_stances").set_value(["supports"]).run()
    at.run()
    assert not at.exception, at.exception
    assert calls == [corpus[1]]


def test_many_new_articles_are_parsed_by_worker_processes(tmp_path, monkeypatch):
    """64+ new articles go to worker processes started from a fork server; the workers must not
    run the app script again (it is guarded by ``__name__``), and give the same statements."""
    from actorgraph.articles import read_articles
    from actorgraph.statements import extract_statements

    countries = ["France", "Germany", "Spain", "Italy", "Poland", "Japan", "Canada", "Mexico"]
    for i in range(64):
        a, b = countries[i % 8], countries[(i * 3 + 1) % 8]
        (tmp_path / f"n{i:02d}.txt").write_text(f"Note {i}\n\n{a} condemned {b} on day {i}.\n", encoding="utf-8")
    monkeypatch.setenv("ACTORGRAPH_DATA", str(tmp_path))
    monkeypatch.setenv("ACTORGRAPH_PROCESSES", "2")
    monkeypatch.delenv("ACTORGRAPH_STATEMENTS", raising=False)
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    want = list(extract_statements(read_articles([str(tmp_path)]).articles))
    assert int([m for m in at.metric if m.label == "Statements"][0].value) == len(want) > 0


def test_a_worker_importing_the_script_does_not_run_the_app(monkeypatch):
    """Streamlit makes the script ``__main__``, so a fork-server worker imports it as
    ``__mp_main__``: it must only define functions, never load and parse a corpus again."""
    import runpy

    import streamlit as st

    ran: list[str] = []
    monkeypatch.setattr(st, "title", lambda *a, **k: ran.append("title"))
    monkeypatch.setattr(st, "set_page_config", lambda *a, **k: None)
    names = runpy.run_path(APP, run_name="__mp_main__")
    assert "main" in names and ran == []


def test_a_rerun_does_not_walk_the_article_folders_again(corpus, tmp_path, monkeypatch):
    """Walking a big folder for its signature costs tenths of a second: a filter change within
    ``ACTORGRAPH_PATH_RECHECK`` seconds takes the signature already made."""
    from actorgraph import view

    folder = tmp_path / "few"
    folder.mkdir()
    for i in range(3):
        (folder / f"n{i}.txt").write_text(f"Note {i}\n\nFrance condemned Spain on day {i}.\n", encoding="utf-8")
    walked: list[str] = []
    real = view.folder_signature
    monkeypatch.setattr(view, "folder_signature", lambda p: walked.append(p) or real(p))
    monkeypatch.setenv("ACTORGRAPH_STATEMENTS", str(corpus[0]))
    monkeypatch.setenv("ACTORGRAPH_DATA", str(folder))
    monkeypatch.setenv("ACTORGRAPH_PATH_RECHECK", "3600")  # however slow the machine is today
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    first = walked.count(str(folder))
    at.multiselect(key="f_stances").set_value(["supports"]).run()
    assert not at.exception, at.exception
    assert first == 1 and walked.count(str(folder)) == 1
    statements = int([m for m in at.metric if m.label == "Statements"][0].value.replace(",", ""))
    assert statements > 0
