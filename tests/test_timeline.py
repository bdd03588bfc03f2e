"""Statements per period and what changed between periods (``actorgraph.timeline``), and the
``actorgraph timeline`` command that prints the same counts."""
from __future__ import annotations

import io

import pandas as pd
import pytest

from actorgraph import timeline
from actorgraph.cli import main
from actorgraph.graph import statements_frame
from actorgraph.readwrite.statements import write_jsonl
from actorgraph.records import Statement


def st(source: str, target: str, stance: str, date: str | None, n: int = 0) -> Statement:
    quote = f"{source} {'backed' if stance == 'supports' else 'criticised'} {target} ({n})."
    return Statement(
        source=source, target=target, source_type="country", target_type="country", stance=stance,
        sign=1 if stance == "supports" else -1, relation=stance, quote=quote, article_id=f"a{date}{n}",
        title=f"Report {n}", date=date, path=f"corpus/{n}.txt", url=None, sentence_index=0, start=n,
        end=n + len(quote), confidence=0.9, source_mention=source, target_mention=target,
    )  # fmt: skip


STATEMENTS = [
    st("Aland", "Borea", "supports", "2020-01-05", 1),
    st("Aland", "Borea", "supports", "2020-01-20", 2),
    st("Borea", "Aland", "opposes", "2020-03-02", 3),
    st("Cyra", "Aland", "opposes", "2020-03-15", 4),
    st("Aland", "Borea", "opposes", "2020-04-01", 5),
    st("Aland", "Borea", "opposes", "2020-04-02", 6),
    st("Dova", "Cyra", "supports", "2020-04-03", 7),
    st("Aland", "Cyra", "opposes", None, 8),
]


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return statements_frame(STATEMENTS)


def test_auto_freq_picks_the_finest_period_that_fits():
    days = pd.Series(["2020-01-01", "2020-02-15"])
    assert timeline.auto_freq(days) == "D"
    assert timeline.auto_freq(pd.Series(["2020-01-01", "2020-09-01"])) == "W"
    assert timeline.auto_freq(pd.Series(["2015-01-01", "2019-06-01"])) == "M"
    assert timeline.auto_freq(pd.Series(["1990-01-01", "2020-06-01"])) == "Y"
    assert timeline.auto_freq(pd.Series([None, "not a date"])) == "M"


def test_period_labels_sort_in_time_and_weeks_start_on_monday():
    when = timeline.parse_dates(pd.Series(["2020-01-05", "2020-01-06", "2020", "2020-02", None, "garbage"]))
    assert timeline.period_label(when, "W").tolist()[:2] == ["2019-12-30", "2020-01-06"]  # Sunday, Monday
    assert timeline.period_label(when, "M").tolist() == ["2020-01", "2020-01", "2020-01", "2020-02", None, None]
    assert timeline.period_label(when, "Y").tolist()[:4] == ["2020"] * 4


def test_corpus_counts_per_month_list_every_month_and_skip_undated(df):
    table = timeline.period_counts(df, freq="M")
    assert table["period"].tolist() == ["2020-01", "2020-02", "2020-03", "2020-04"]
    assert table["supports"].tolist() == [2, 0, 0, 1]
    assert table["opposes"].tolist() == [0, 0, 2, 2]
    assert table["statements"].sum() == len(df) - 1
    assert table.attrs == {"freq": "M", "undated": 1}


def test_actor_counts_split_given_and_received(df):
    table = timeline.period_counts(df, actor="Aland", freq="M").set_index("period")
    assert table.loc["2020-01", "supports_given"] == 2
    assert table.loc["2020-03", "opposes_received"] == 2  # Borea and Cyra
    assert table.loc["2020-04", "opposes_given"] == 2
    assert table["supports_received"].sum() == 0
    assert table.attrs["undated"] == 1  # Aland -> Cyra, undated


def test_counterpart_keeps_only_statements_between_the_two(df):
    table = timeline.period_counts(df, actor="Aland", counterpart="Cyra", freq="M")
    assert table["period"].tolist() == ["2020-03"]
    assert table[["opposes_received", "statements"]].values.tolist() == [[1, 1]]


def test_self_loop_counts_once_in_statements():
    frame = statements_frame([st("Aland", "Aland", "opposes", "2020-01-01", 1)])
    table = timeline.period_counts(frame, actor="Aland", freq="D")
    assert table[["opposes_given", "opposes_received", "statements"]].values.tolist() == [[1, 1, 1]]


def test_edge_statements_are_the_dated_rows_oldest_first(df):
    rows = timeline.edge_statements(df, "Aland", "Borea", "opposes", freq="D")
    assert rows["date"].tolist() == ["2020-04-01", "2020-04-02"]
    assert rows["quote"].tolist() == [STATEMENTS[4].quote, STATEMENTS[5].quote]


def test_what_changed_between_two_periods(df):
    changes = timeline.what_changed(df, timeline.Window("2020-01", "2020-02"), timeline.Window("2020-03", "2020-04"))
    by_pair = {(r.source, r.target): r for r in changes.itertuples()}
    assert by_pair[("Aland", "Borea")].change == "changed sign"
    assert (by_pair[("Aland", "Borea")].supports_before, by_pair[("Aland", "Borea")].opposes_after) == (2, 2)
    assert by_pair[("Cyra", "Aland")].change == "appeared"
    assert ("Aland", "Cyra") not in by_pair  # undated: in no window
    counts = timeline.change_counts(changes)
    assert counts == {"appeared": 3, "disappeared": 0, "changed sign": 1, "unchanged": 0}
    back = timeline.what_changed(df, timeline.Window("2020-03", "2020-04"), timeline.Window("2020-01", "2020-02"))
    assert timeline.change_counts(back)["disappeared"] == 3


def test_unknown_freq_is_a_clear_error(df):
    with pytest.raises(ValueError, match="D, W, M, Y or auto"):
        timeline.period_counts(df, freq="fortnight")


# --------------------------------------------------------------------------- the command


def saved(tmp_path) -> str:
    path = tmp_path / "statements.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        write_jsonl(STATEMENTS, out)
    return str(path)


def test_timeline_command_prints_the_library_counts(tmp_path, capsys, df):
    assert main(["timeline", "--from", saved(tmp_path), "--actor", "aland", "--freq", "M"]) == 0
    printed = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"period": str})
    want = timeline.period_counts(df, actor="Aland", freq="M")
    pd.testing.assert_frame_equal(printed, want, check_dtype=False)


def test_timeline_command_date_window_and_output_file(tmp_path, capsys):
    out = tmp_path / "t.csv"
    assert main(["timeline", "--from", saved(tmp_path), "--freq", "D", "--date-from", "2020-04", "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype={"period": str})
    assert table["period"].tolist() == ["2020-04-01", "2020-04-02", "2020-04-03"]
    assert "3 dated statements" in capsys.readouterr().err


def test_timeline_command_unknown_actor_names_it(tmp_path, capsys):
    assert main(["timeline", "--from", saved(tmp_path), "--actor", "Nowhere"]) == 1
    assert "--actor 'Nowhere'" in capsys.readouterr().err


def test_export_quote_flag_keeps_statements_whose_sentence_matches(tmp_path, capsys):
    import json

    out = tmp_path / "g.json"
    assert main(["export", "--from", saved(tmp_path), "--quote", "CRITICISED borea", "-o", str(out)]) == 0
    graph = json.loads(out.read_text(encoding="utf-8"))
    assert {(e["source"], e["target"], e["stance"]) for e in graph["edges"]} == {("Aland", "Borea", "opposes")}
    assert "2 of 8 statements" in capsys.readouterr().err


def test_timeline_command_without_a_source_is_a_usage_error(capsys):
    assert main(["timeline"]) == 2
    assert "--from" in capsys.readouterr().err
