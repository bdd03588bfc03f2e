"""``actorgraph export`` end to end: saved statements, filters, formats, errors, the seed corpus."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from actorgraph import graph
from actorgraph.cli import main
from actorgraph.readwrite import gexf, graphml
from actorgraph.readwrite import json as node_link
from actorgraph.readwrite.statements import read_statements, write_csv

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "statements.jsonl"
SEED = ROOT / "data" / "articles"
SEED_QUOTE = "Russia has supported Assad since the civil war erupted in Syria in 2011."


@pytest.fixture(scope="module")
def df():
    return graph.statements_frame(read_statements(FIXTURE))


def test_graphml_from_saved_statements(df, tmp_path, capsys):
    out = tmp_path / "g.graphml"
    assert main(["export", "--from", str(FIXTURE), "-o", str(out)]) == 0
    read = graphml.read_graphml(out)
    G = graph.build_graph(df)
    assert set(read.edges(keys=True)) == set(G.edges(keys=True))
    assert f"{len(df)} of {len(df)} statements" in capsys.readouterr().err


def test_format_follows_the_suffix_and_multigraph_flag(df, tmp_path):
    assert main(["export", "--from", str(FIXTURE), "-o", str(tmp_path / "g.gexf"), "--multigraph"]) == 0
    assert gexf.read_gexf(tmp_path / "g.gexf").number_of_edges() == len(df)
    assert main(["export", "--from", str(FIXTURE), "-o", str(tmp_path / "g.json")]) == 0
    doc = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(doc["edges"]) == graph.build_graph(df).number_of_edges()
    assert main(["export", "--from", str(FIXTURE), "--format", "json", "-o", str(tmp_path / "g.txt")]) == 0
    assert node_link.read_json(tmp_path / "g.txt").number_of_nodes() == len(set(df["source"]) | set(df["target"]))


def test_filter_flags_reach_the_filters(df, tmp_path):
    out = tmp_path / "g.graphml"
    focus = df["target"].value_counts().idxmax()
    args = ["export", "--from", str(FIXTURE), "-o", str(out), "--stance", "opposes", "--focus", focus.lower()]
    assert main(args + ["--hops", "1", "--min-confidence", "0.5"]) == 0
    read = graphml.read_graphml(out)
    assert read.number_of_edges() > 0
    assert all(k == "opposes" for *_, k in read.edges(keys=True))
    assert all(focus in (u, v) or read.has_edge(u, v) for u, v in read.edges())
    assert focus in read
    assert main(["export", "--from", str(FIXTURE), "-o", str(out), "--min-weight", "2"]) == 0
    assert all(w >= 2 for *_, w in graphml.read_graphml(out).edges(data="weight"))


def test_csv_bundle_and_csv_statements_input(df, tmp_path):
    saved = tmp_path / "saved.csv"
    with saved.open("w", encoding="utf-8", newline="") as fh:
        write_csv(read_statements(FIXTURE), fh)
    # The same statements twice: kept once, weights unchanged.
    args = ["export", "--from", str(saved), "--from", str(FIXTURE), "-o", str(tmp_path / "tables")]
    assert main(args + ["--date-from", "2015-09", "--actor-type", "country", "--actor-type", "person"]) == 0
    with (tmp_path / "tables" / "statements.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = df[(df["date"].fillna("") >= "2015-09") & df["source_type"].isin(["country", "person"])]
    expected = expected[expected["target_type"].isin(["country", "person"])]
    assert sorted(r["id"] for r in rows) == sorted(expected["id"])
    with (tmp_path / "tables" / "edges.csv").open(encoding="utf-8", newline="") as fh:
        assert sum(int(r["weight"]) for r in csv.DictReader(fh)) == len(expected)


def test_keep_isolated_and_top(tmp_path):
    out = tmp_path / "g.graphml"
    assert main(["export", "--from", str(FIXTURE), "-o", str(out), "--top", "1", "--keep-isolated"]) == 0
    assert graphml.read_graphml(out).number_of_nodes() == 1
    assert main(["export", "--from", str(FIXTURE), "-o", str(out), "--top", "1"]) == 0
    assert graphml.read_graphml(out).number_of_nodes() == 0


def test_bad_input_is_reported_and_the_rest_exported(df, tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"source": "X"}\n', encoding="utf-8")
    out = tmp_path / "g.graphml"
    rc = main(["export", "--from", str(bad), "--from", str(tmp_path / "missing.jsonl"), "--from", str(FIXTURE), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 1
    assert "bad.jsonl, line 1" in err and "missing.jsonl" in err
    assert graphml.read_graphml(out).number_of_edges() == graph.build_graph(df).number_of_edges()


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "g.txt"], "cannot tell the format"),
        (["--format", "csv"], "-o FOLDER"),
        (["--focus", "Atlantis"], "no actor of that name"),
    ],
)
def test_usage_errors_are_one_clear_line(args, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--from", str(FIXTURE), *args]) in (1, 2)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not list(tmp_path.iterdir())


def test_nothing_to_export(capsys):
    assert main(["export"]) == 2
    assert "nothing to export" in capsys.readouterr().err


def test_graphml_to_stdout(capsys):
    assert main(["export", "--from", str(FIXTURE), "--stance", "supports"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<?xml") and 'attr.name="quotes"' in out


def test_seed_corpus_end_to_end(tmp_path):
    out = tmp_path / "seed.graphml"
    assert main(["export", str(SEED), "-o", str(out)]) == 0
    G = graphml.read_graphml(out)
    support = G.get_edge_data("Russia", "Bashar al-Assad", "supports")
    assert support is not None and support["sign"] == 1 and support["stance"] == "supports"
    assert SEED_QUOTE in support["quotes"]
    oppose = G.get_edge_data("United States", "Bashar al-Assad", "opposes")
    assert oppose is not None and oppose["sign"] == -1


def test_seed_via_saved_statements_gives_the_same_graph(tmp_path):
    saved = tmp_path / "seed.jsonl"
    assert main(["extract", str(SEED), "-o", str(saved)]) == 0
    direct, reused = tmp_path / "direct.json", tmp_path / "reused.json"
    assert main(["export", str(SEED), "-o", str(direct)]) == 0
    assert main(["export", "--from", str(saved), "-o", str(reused)]) == 0
    assert direct.read_bytes() == reused.read_bytes()
