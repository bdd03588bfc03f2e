"""The app's time and reading aids through ``AppTest`` (Python side of issue 12).

Expected numbers come from the library (``filter_frame``, ``timeline``), never constants.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from app_fixtures import drawing
from streamlit.testing.v1 import AppTest

from actorgraph import timeline, view
from actorgraph.filters import Filters, filter_frame, filtered_graph
from actorgraph.graph import build_graph, statements_frame
from actorgraph.readwrite.statements import write_jsonl
from actorgraph.records import Statement

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def statement(src: str, tgt: str, supports: bool, day: int, n: int) -> Statement:
    quote = f"{src} {'praised' if supports else 'rebuked'} {tgt} about the canal, note {n}."
    return Statement(
        source=src, target=tgt, source_type="country", target_type="country",
        stance="supports" if supports else "opposes", sign=1 if supports else -1,
        relation="praises" if supports else "criticises", quote=quote, article_id=f"a{n}",
        title=f"Canal report {n}", date=(dt.date(2021, 1, 1) + dt.timedelta(days=day)).isoformat(),
        path=f"c/{n}.txt", url=None, sentence_index=0, start=0, end=len(quote), confidence=0.9,
    )  # fmt: skip


#: 130 statements of Ostra about Pell over 65 days (the first half supports, then opposes),
#: and a few others, so the window runs over days and the evidence needs paging.
STATEMENTS = [statement("Ostra", "Pell", i < 65, i // 2, i) for i in range(130)] + [
    statement("Pell", "Quon", True, 3, 200), statement("Quon", "Rusk", False, 40, 201),
    statement("Rusk", "Ostra", True, 60, 202), statement("Sarn", "Quon", False, 20, 203),
]  # fmt: skip


@pytest.fixture(scope="module")
def df():
    return statements_frame(STATEMENTS)


@pytest.fixture
def at(monkeypatch, tmp_path) -> AppTest:
    path = tmp_path / "statements.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        write_jsonl(STATEMENTS, fh)
    monkeypatch.setenv("ACTORGRAPH_STATEMENTS", str(path))
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)
    monkeypatch.delenv("ACTORGRAPH_MAX_NODES", raising=False)
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    return app


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def window(at: AppTest):
    return next(s for s in at.select_slider if s.label == "Date window")


def component_data(at: AppTest) -> dict:
    return drawing(at)


def test_date_window_runs_over_days_and_filters_everything(at, df):
    w = window(at)
    assert w.options[0] == "2021-01-01" and w.options[-1] == "2021-03-06"  # days: the corpus spans ~2 months
    w.set_range("2021-01-10", "2021-02-05").run()
    want = filter_frame(df, Filters(date_from="2021-01-10", date_to="2021-02-05"))
    assert metric(at, "Statements") == f"{len(want):,}" and 0 < len(want) < len(df)
    G = filtered_graph(df, Filters(date_from="2021-01-10", date_to="2021-02-05"))
    assert {n["id"] for n in component_data(at)["nodes"]} == set(G.nodes)


def test_step_buttons_move_the_window_keeping_its_width(at):
    window(at).set_range("2021-01-05", "2021-01-10").run()
    at.button(key="window_forward").click().run()
    assert window(at).value == ("2021-01-06", "2021-01-11")
    at.button(key="window_back").click().run()
    at.button(key="window_back").click().run()
    assert window(at).value == ("2021-01-04", "2021-01-09")


def test_quote_search_filters_graph_and_table(at, df):
    at.text_input(key="f_quote").input("canal, note 20").run()
    want = filter_frame(df, Filters(quote="canal, note 20"))
    assert metric(at, "Statements") == str(len(want))
    assert set(at.dataframe[0].value["quote"]) == set(want["quote"])


def test_actor_card_has_its_chart_and_evidence_pages_of_fifty(at, df):
    at.session_state["selected_actor"] = "Ostra"
    at.run()
    assert len(at.get("vega_lite_chart")) >= 1  # the time chart
    shown = "\n".join(m.value for m in at.markdown)
    ostra = df[(df["source"] == "Ostra") & (df["target"] == "Pell")]
    per_stance = ostra["stance"].value_counts()  # 65 and 65: each group shows 50 first
    assert shown.count("about the canal") == sum(min(n, view.EVIDENCE_PAGE) for n in per_stance) + 1  # + Rusk's
    more = [b for b in at.button if b.label.startswith("Show 15 more of 15 left")]
    assert len(more) == 2
    more[0].click().run()
    shown = "\n".join(m.value for m in at.markdown)
    assert shown.count("about the canal") == 65 + 50 + 1
    # the evidence search keeps only matching quotes
    at.text_input(key="ev_search_Ostra").input("note 7.").run()
    shown = "\n".join(m.value for m in at.markdown if m.value.startswith(">"))
    assert shown.count("about the canal") == 1 and "note 7\\." in shown


def test_chart_counts_are_the_timeline_counts(df):
    table = timeline.period_counts(df, actor="Ostra")
    assert table.attrs["freq"] == "W"  # 65 days: weeks give at most 60 bars
    assert table["supports_given"].sum() == 65 and table["opposes_given"].sum() == 65


def test_cap_reads_drawn_of_total_and_layout_by_camp_places_every_actor(at, df):
    at.number_input(key="f_cap").set_value(5).run()
    G = build_graph(df)
    drawn, _ = view.cap_graph(G, 5)
    if drawn.number_of_nodes() < G.number_of_nodes():
        assert metric(at, "Actors") == f"{drawn.number_of_nodes()} of {G.number_of_nodes()}"
    at.radio(key="d_layout").set_value("camp").run()
    nodes = component_data(at)["nodes"]
    assert nodes and all("x" in n and "y" in n for n in nodes)
    assert component_data(at)["options"]["physics"]["enabled"] is False


def test_what_changed_tab_counts_pairs_between_two_periods(at, df):
    assert not any(m.label == "Appeared" for m in at.metric)  # only the open tab runs
    at.session_state["main_tab"] = "What changed"
    at.run()
    labels = {m.label: m.value for m in at.metric}
    periods = window(at).options
    mid = len(periods) // 2
    changes = timeline.what_changed(df, timeline.Window(periods[0], periods[mid - 1]),
                                    timeline.Window(periods[mid], periods[-1]))  # fmt: skip
    counts = timeline.change_counts(changes)
    assert counts["changed sign"] == 1  # Ostra -> Pell: supports, then opposes
    for kind, n in counts.items():
        assert int(labels[kind.capitalize()]) == n


def test_edge_evidence_shows_fifty_quotes_then_more(at, df):
    at.session_state["selected_edge"] = {"source": "Ostra", "target": "Pell", "stance": "supports"}
    at.run()
    quotes = "\n".join(m.value for m in at.markdown if m.value.startswith(">"))
    assert quotes.count("about the canal") == view.EVIDENCE_PAGE
    (more,) = [b for b in at.button if b.label == "Show 15 more of 15 left"]
    more.click().run()
    quotes = "\n".join(m.value for m in at.markdown if m.value.startswith(">"))
    assert quotes.count("about the canal") == 65
