"""Parquet in and out without Dask: the readwrite module, article tables, the local engine's
``-o out.parquet`` and ``-o OUT/`` (shards, resumable), ``export --from`` and the app."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from streamlit.testing.v1 import AppTest

from actorgraph import partitions
from actorgraph.articles import read_articles
from actorgraph.cli import main
from actorgraph.distributed import extract_to_folder
from actorgraph.readwrite import parquet
from actorgraph.readwrite.statements import StatementsError, read_statements
from actorgraph.records import STATEMENT_COLUMNS
from invented_articles import invented_article, write_jsonl, write_text_files

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "statements.jsonl"
SEED = ROOT / "data" / "articles"


@pytest.fixture(scope="module")
def saved():
    return list(read_statements(FIXTURE))


def test_statements_round_trip_with_stable_types_and_nulls(saved, tmp_path):
    out = tmp_path / "s.parquet"
    assert parquet.write_statements(saved, out) == len(saved)
    schema = pq.read_schema(out)
    assert schema.names == STATEMENT_COLUMNS
    assert schema.field("start").type == pa.int64() and schema.field("sign").type == pa.int64()
    assert schema.field("confidence").type == pa.float64() and schema.field("url").type == pa.string()
    back = list(read_statements(out))
    assert [s.to_dict() for s in back] == [s.to_dict() for s in saved]
    assert any(s.url is None for s in back) and any(s.cue == "" or s.cue for s in back)


def test_empty_statement_list_keeps_the_schema(tmp_path):
    out = tmp_path / "none.parquet"
    parquet.write_statements([], out)
    assert pq.read_schema(out).field("sentence_index").type == pa.int64()
    assert list(read_statements(out)) == []


def test_no_temporary_file_is_left_and_a_bad_file_is_one_line(tmp_path):
    out = tmp_path / "x.parquet"
    parquet.write_statements([], out)
    assert [p.name for p in tmp_path.iterdir()] == ["x.parquet"]
    bad = tmp_path / "bad.parquet"
    bad.write_text("not parquet", encoding="utf-8")
    with pytest.raises(StatementsError) as err:
        list(read_statements(bad))
    assert str(bad) in str(err.value) and "\n" not in str(err.value)
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"text": ["a"]}), other)
    with pytest.raises(StatementsError, match="no column id"):
        list(read_statements(other))


def test_read_frame_is_the_frame_of_the_statements_read_one_by_one(saved, tmp_path):
    """Column-wise reading gives statements_frame(read_statements(...)): shard order, an article
    already read in an earlier partition left out, a repeated statement kept once."""
    from actorgraph.graph import statements_frame
    from actorgraph.records import Article

    folder = tmp_path / "out"
    half = len(saved) // 2
    first, second = saved[:half], saved[half:] + [s for s in saved[:half] if s.article_id == saved[0].article_id]
    for i, part in enumerate((first, second)):
        name = f"part-{i:05d}.parquet"
        parquet.write_statements(part, folder / "statements" / name)
        ids = sorted({s.article_id for s in part})
        parquet.write_articles([Article(id=a, title="An invented title", text="Invented text.") for a in ids],
                               folder / "articles" / name)  # fmt: skip
    expected = statements_frame(parquet.read_statements(folder))
    got = parquet.read_frame(folder)
    assert got.equals(expected) and list(got.dtypes) == list(expected.dtypes)
    assert 0 < len(got) < len(first) + len(second)  # the repeated article's second reading is left out
    assert got["url"].isna().any() and not got["cue"].isna().any()


def test_read_frame_normalises_names_and_their_ids_as_statements_do(saved, tmp_path):
    from actorgraph.graph import statements_frame

    rows = [s.to_dict() for s in saved[:3]]
    rows[0]["source"] = " Ministry\u200b of  Tests "  # a name that Statement cleans, with its stale id
    out = tmp_path / "dirty.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=parquet.statement_schema()), out)
    got = parquet.read_frame(out)
    assert got["source"].iloc[0] == "Ministry of Tests"
    assert got.equals(statements_frame(parquet.read_statements(out)))
    assert got["id"].iloc[0] != rows[0]["id"] and got["id"].iloc[1] == rows[1]["id"]


def test_read_frame_of_a_table_with_empty_numbers_is_one_line_naming_it(saved, tmp_path):
    rows = [s.to_dict() for s in saved[:2]]
    rows[1]["start"] = None
    out = tmp_path / "holes.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=parquet.statement_schema()), out)
    with pytest.raises(parquet.ParquetError) as err:
        parquet.read_frame(out)
    assert str(out) in str(err.value) and "start" in str(err.value) and "\n" not in str(err.value)


def test_article_table_in_parquet_reads_like_the_same_csv(tmp_path):
    rows = [invented_article(i) for i in range(7)]
    rows[3]["text"] = ""
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "t.parquet", row_group_size=2)
    with (tmp_path / "t.jsonl").open("w") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    from_parquet = read_articles([tmp_path / "t.parquet"])
    from_jsonl = read_articles([tmp_path / "t.jsonl"])
    strip = lambda arts: [(a.id, a.title, a.text, a.date) for a in arts]  # noqa: E731
    assert strip(from_parquet.articles) == strip(from_jsonl.articles) and len(from_parquet.articles) == 6
    assert [str(e) for e in from_parquet.errors] == [f"{tmp_path / 't.parquet'}: row 4: empty text"]


def test_partitions_load_what_read_articles_loads(tmp_path):
    """Row ranges of CSV/JSONL/Parquet tables and groups of files: same articles, same errors."""
    write_text_files(tmp_path / "txt", 0, 5)
    write_jsonl(tmp_path / "t.jsonl", 5, 12)
    with (tmp_path / "t.jsonl").open("a") as fh:
        fh.write("{broken\n\n" + json.dumps({"text": "Kenya praised Peru.\u2028 Then more."}) + "\n")
    rows = [invented_article(i) for i in range(20, 31)]
    rows[4]["text"] = "first line\n\"quoted\", with a comma\n"
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "t.parquet", row_group_size=3)
    import pandas as pd

    pd.DataFrame([*rows[:6], {"title": "x", "text": "", "date": ""}, *rows[6:]]).to_csv(tmp_path / "t.csv", index=False)
    (tmp_path / "empty.txt").write_text("")
    paths = [str(tmp_path), str(tmp_path / "missing")]
    local = read_articles(paths)
    parts, errors = partitions.plan(paths, size=4)
    assert len(parts) > 6 and any(p.stop is not None for part in parts for p in part.pieces)
    got, seen = [], set()
    for part in parts:
        arts, errs = partitions.load(part)
        got += [a for a in arts if a.id not in seen and not seen.add(a.id)]
        errors += errs
    assert got == local.articles
    assert sorted(map(str, errors)) == sorted(map(str, local.errors))


def test_local_engine_writes_a_parquet_file_and_export_reads_it(tmp_path):
    out = tmp_path / "s.parquet"
    assert main(["extract", str(SEED), "-o", str(out)]) == 0
    jsonl = tmp_path / "s.jsonl"
    assert main(["extract", str(SEED), "-o", str(jsonl)]) == 0
    assert [s.to_dict() for s in read_statements(out)] == [s.to_dict() for s in read_statements(jsonl)]
    a, b = tmp_path / "a.graphml", tmp_path / "b.graphml"
    assert main(["export", "--from", str(out), "-o", str(a)]) == 0
    assert main(["export", "--from", str(jsonl), "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_local_engine_folder_output_is_shards_that_a_rerun_skips(tmp_path):
    inputs = tmp_path / "in"
    write_text_files(inputs, 0, 9)
    out = tmp_path / "out"
    first = extract_to_folder([str(SEED), str(inputs)], out, partition_size=4)
    assert first.partitions == 3 and first.done_before == 0 and first.exit_code == 0
    shards = sorted(p.name for p in (out / "statements").iterdir())
    assert shards == sorted(p.name for p in (out / "articles").iterdir()) and len(shards) == 3
    times = {p: p.stat().st_mtime_ns for p in (out / "statements").iterdir()}
    again = extract_to_folder([str(SEED), str(inputs)], out, partition_size=4)
    assert again.done_before == 3 and again.statements == first.statements
    assert {p: p.stat().st_mtime_ns for p in (out / "statements").iterdir()} == times
    expected = main(["extract", str(SEED), str(inputs), "-o", str(tmp_path / "local.jsonl")])
    assert expected == 0
    local = [s.to_dict() for s in read_statements(tmp_path / "local.jsonl")]
    assert [s.to_dict() for s in read_statements(out)] == local
    graphs = tmp_path / "from_folder.graphml", tmp_path / "from_jsonl.graphml"
    assert main(["export", "--from", f"{out}/", "-o", str(graphs[0])]) == 0
    assert main(["export", "--from", str(tmp_path / "local.jsonl"), "-o", str(graphs[1])]) == 0
    assert graphs[0].read_bytes() == graphs[1].read_bytes()
    articles, statements = parquet.iter_folder(out)
    assert [a.id for a in articles] == [a.id for a in read_articles([str(SEED), str(inputs)]).articles]
    assert [s.id for s in statements] == [s["id"] for s in local]


def test_other_inputs_replace_stale_shards(tmp_path):
    inputs = tmp_path / "in"
    write_text_files(inputs, 0, 4)
    out = tmp_path / "out"
    extract_to_folder([str(inputs)], out, partition_size=2)
    (inputs / "invented_00003.txt").unlink()
    second = extract_to_folder([str(inputs)], out, partition_size=2)
    assert second.removed == 1 and second.done_before == 1
    assert {a.path for a in parquet.read_articles(out)} == {str(p) for p in sorted(inputs.iterdir())}


def test_app_reads_a_shard_folder_from_the_environment_and_the_path_box(tmp_path, monkeypatch):
    out = tmp_path / "shards"
    extract_to_folder([str(SEED)], out)
    n = len(list(read_statements(out)))
    monkeypatch.setenv("ACTORGRAPH_STATEMENTS", str(out))
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    metric = {m.label: int(m.value) for m in at.metric}
    assert metric["Statements"] == n
    monkeypatch.setenv("ACTORGRAPH_STATEMENTS", str(FIXTURE))
    monkeypatch.setenv("ACTORGRAPH_DATA_ROOT", str(tmp_path))  # the path box reads only under the data roots
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    before = {m.label: int(m.value) for m in at.metric}["Statements"]
    at.text_input(key="folder_input").input(str(out)).run()
    [b for b in at.button if b.label == "Add path"][0].click().run()
    assert not at.exception, at.exception
    assert {m.label: int(m.value) for m in at.metric}["Statements"] == before + n


def test_ingest_from_a_shard_folder_stores_its_statements_without_parsing(tmp_path, monkeypatch, capsys):
    import actorgraph.statements as statements_mod
    from actorgraph.cli import main
    from actorgraph.store import Store

    out = tmp_path / "shards"
    extract_to_folder([str(SEED)], out)
    want = {s.id for s in read_statements(out)}
    monkeypatch.setattr(statements_mod, "extract_statements", lambda *a, **k: pytest.fail("parsed"))
    db = tmp_path / "s.db"
    assert main(["ingest", "--db", str(db), "--from", str(out)]) == 0
    assert "1 added" in capsys.readouterr().err
    assert set(Store(db).statements_frame()["id"]) == want
    assert main(["ingest", "--db", str(db), "--from", str(out)]) == 0  # again: nothing new
    assert "0 added, 1 already present" in capsys.readouterr().err
    assert main(["ingest", "--db", str(db), "--from", str(tmp_path / "nowhere")]) == 1
