"""The SQLite store and ingest: schema versions, idempotent batches, crashes and concurrent writers."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import networkx as nx
import pytest
from store_fixtures import article, filled_store, statements_of

from actorgraph import curation as cur
from actorgraph import store as store_mod
from actorgraph.ingest import ingest, ingest_articles, reextract
from actorgraph.store import SCHEMA_VERSION, Store, StoreError
from actorgraph.version import extractor_version

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def run_cli(*args, **kw):
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "actorgraph", *args], capture_output=True, text=True, env=env, **kw)


# --------------------------------------------------------------------------- schema


def test_new_store_is_wal_with_the_current_schema(tmp_path):
    s = Store(tmp_path / "a.db")
    con = sqlite3.connect(s.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert s.counts() == {"articles": 0, "statements": 0, "corrections": 0}


def test_older_schema_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript(store_mod.MIGRATIONS[0])
    con.execute(f"PRAGMA application_id = {store_mod.APPLICATION_ID}")
    con.execute("PRAGMA user_version = 1")
    a = article(1)
    con.execute("INSERT INTO articles (id, content_hash, title, text, added_at) VALUES (?,?,?,?,?)",
                (a.id, store_mod.content_hash(a.text), a.title, a.text, "2024"))  # fmt: skip
    s0 = statements_of(a)[0]
    con.execute("INSERT INTO statements (id, article_id, extractor, source, target, stance, sign, relation, quote)"
                " VALUES (?,?,?,?,?,?,?,?,?)", (s0.id, a.id, "old+1", "X", "Y", "supports", 1, "supports", "q"))
    con.commit()
    con.close()
    s = Store(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [x.id for x in s.stale_articles("new+2")] == [a.id]  # v2 filled in the extractor of v1's rows
    assert s.stale_articles("old+1") == []


def one_line_naming(exc: Exception, path) -> None:
    msg = str(exc)
    assert "\n" not in msg and msg.startswith(str(path))


def test_newer_broken_or_foreign_files_are_refused(tmp_path):
    newer = tmp_path / "newer.db"
    Store(newer)
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError, match="newer") as e:
        Store(newer)
    one_line_naming(e.value, newer)

    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database at all\n" * 200)
    with pytest.raises(StoreError) as e:
        Store(broken)
    one_line_naming(e.value, broken)

    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE songs (title TEXT)")
    with pytest.raises(StoreError, match="another program") as e:
        Store(foreign)
    one_line_naming(e.value, foreign)

    r = run_cli("curate", "--db", str(broken), "history")
    assert r.returncode == 1 and r.stderr.strip().count("\n") == 0 and str(broken) in r.stderr


def test_add_extracted_is_idempotent_and_the_signature_moves(tmp_path):
    s = filled_store(tmp_path / "a.db", n=3)
    sig = s.signature()
    assert s.counts()["statements"] == 15
    a = s.articles()[0]
    assert s.add_extracted([(a, statements_of(a))], "test+1") == 0  # already there: replaced, not added
    assert s.counts() == {"articles": 3, "statements": 15, "corrections": 0}
    assert s.signature() != sig  # statements were rewritten
    sig = s.signature()
    cur.reject(s, statements_of(a)[0].id)
    assert s.signature() != sig


# --------------------------------------------------------------------------- ingest


def test_ingest_counts_and_skips_what_is_stored(tmp_path):
    s = Store(tmp_path / "a.db")
    first = ingest(s, [str(FIXTURES), str(ROOT / "data" / "articles")], batch_size=3)
    assert first.added == s.counts()["articles"] > 5
    assert first.failed == len(first.errors) >= 2  # broken.jsonl, no_text.csv: reported, the rest is in
    assert any("broken.jsonl" in e for e in first.errors)
    again = ingest(s, [str(ROOT / "data" / "articles")])
    assert (again.added, again.present, again.failed) == (0, 1, 0)
    # what is stored is what extract gives, with the extractor version
    r = run_cli("extract", str(ROOT / "data" / "articles"))
    want = {json.loads(line)["id"] for line in r.stdout.splitlines()}
    got = set(s.statements_frame()["id"])
    assert want and want <= got
    assert s.stale_articles(extractor_version()) == []


def cli(capsys, *args) -> tuple[int, str, str]:
    """``actorgraph ARGS`` in this process: (exit code, stdout, stderr)."""
    from actorgraph.cli import main

    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_ingest_prints_counts(tmp_path, capsys, monkeypatch):
    db = tmp_path / "x.db"
    code, _, err = cli(capsys, "ingest", str(ROOT / "data" / "articles"), str(FIXTURES / "broken.jsonl"), "--db", str(db))
    assert code == 1, err
    assert "broken.jsonl" in err
    n = Store(db).counts()["articles"]
    assert n > 1 and f"{n} added, 0 already present, 1 failed" in err  # the good rows of broken.jsonl too
    monkeypatch.delenv("ACTORGRAPH_DB")
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    code, _, err = cli(capsys, "ingest", str(ROOT / "data" / "articles"))
    assert code == 0 and (tmp_path / "cwd" / "actorgraph.db").exists()  # the default file in the cwd


def test_one_article_the_engine_fails_on_is_reported_and_the_rest_goes_in(tmp_path, monkeypatch):
    from actorgraph import statements as stmod

    real = stmod.statements_from_doc
    arts = [article(i) for i in range(6)]
    bad = arts[3]

    def flaky(doc, art):
        if art.id == bad.id:
            raise RuntimeError("boom")
        return real(doc, art)

    monkeypatch.setattr(stmod, "statements_from_doc", flaky)
    s = Store(tmp_path / "a.db")
    rep = ingest_articles(s, arts, batch_size=2)
    assert (rep.added, rep.failed) == (5, 1) and "boom" in rep.errors[0] and bad.path in rep.errors[0]
    assert {a.id for a in s.articles()} == {a.id for a in arts} - {bad.id}
    monkeypatch.setattr(stmod, "statements_from_doc", real)
    assert ingest_articles(s, arts).added == 1  # not stored as "no statements": a later ingest tries it again


def test_reextract_replaces_statements_and_keeps_corrections(tmp_path):
    s = Store(tmp_path / "a.db")
    ingest(s, [str(ROOT / "data" / "articles")])
    df = cur.curated_frame(s)
    a, b = df["source"].iloc[0], df["target"].iloc[0]
    cur.merge(s, a, b)
    before = cur.curated_frame(s)
    with s.write() as con:
        con.execute("UPDATE articles SET extractor = 'older+0'")
        con.execute("UPDATE statements SET extractor = 'older+0'")
    rep = reextract(s)
    assert rep.reextracted == 1
    assert set(s.statements_frame()["id"]) == set(before["id"])
    after = cur.curated_frame(s)
    assert a not in set(after["source"]) | set(after["target"])
    assert after["id"].tolist() == before["id"].tolist()


# --------------------------------------------------------------------------- reliability


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(
            f"Dispatch {i}\n\nNorland backed Eastmark in talks number {i}. Southria condemned Norland. "
            f"Eastmark attacked Southria on day {i}. The minister of Norland praised Eastmark.\n", encoding="utf-8")


def test_kill_during_ingest_keeps_whole_batches_and_a_rerun_completes(tmp_path):
    corpus, db, batch = tmp_path / "corpus", tmp_path / "k.db", 4
    write_corpus(corpus, 400)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "actorgraph", "ingest", str(corpus), "--db", str(db),
                             "--batch-size", str(batch)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.time() + 120
        n = 0
        while time.time() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=5) as con:
                        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:
                    n = 0
                if n >= 2 * batch:
                    break
            time.sleep(0.02)
        assert proc.poll() is None, "ingest finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < n_articles < 400 and n_articles % batch == 0
    # every stored article has its statements (the batch wrote both or neither)
    assert con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                       "(SELECT 1 FROM statements s WHERE s.article_id = a.id)").fetchone()[0] == 0
    con.close()
    r = run_cli("ingest", str(corpus), "--db", str(db), "--batch-size", "50")
    assert r.returncode == 0, r.stderr
    assert f"{400 - n_articles} added, {n_articles} already present, 0 failed" in r.stderr
    assert Store(db).counts()["articles"] == 400


def test_two_sessions_and_an_ingest_write_at_once_and_lose_nothing(tmp_path):
    s = filled_store(tmp_path / "c.db", n=4)
    ids = s.statements_frame()["id"].tolist()
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "actorgraph", "ingest", str(corpus), "--db", s.path,
                             "--batch-size", "1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    errors: list[BaseException] = []

    def session(k: int) -> None:
        try:
            mine = Store(s.path)  # each session opens the file itself, as the app's sessions do
            for i, statement_id in enumerate(ids * 2):
                (cur.flip if (i + k) % 2 else cur.reject)(mine, statement_id, note=f"session {k} edit {i}")
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert proc.wait(180) == 0, proc.stderr.read()
    assert not errors, errors
    log = s.corrections()
    notes = {c.note for c in log}
    assert len(log) == 2 * 2 * len(ids) and all(f"session {k} edit {i}" in notes
                                                for k in range(2) for i in range(2 * len(ids)))  # fmt: skip
    assert s.counts()["articles"] == 4 + 40
    assert [c.seq for c in log] == sorted({c.seq for c in log})


def test_export_from_a_store_carries_corrections(tmp_path):
    s = filled_store(tmp_path / "e.db")
    cur.merge(s, "Adka Varga", "Ada Varga")
    art = s.articles()[0]
    sent = "Eastmark condemned Southria on Monday."
    start = art.text.index(sent)
    cur.add_statement(s, art.id, start, start + len(sent), "Southria", "Eastmark", "criticises")
    out = tmp_path / "g.graphml"
    r = run_cli("export", "--db", s.path, "-o", str(out))
    assert r.returncode == 0, r.stderr
    G = nx.read_graphml(out, force_multigraph=True)
    assert "Adka Varga" not in G
    edges = {(u, v, d["stance"]): d for u, v, d in G.edges(data=True)}
    assert edges[("Ada Varga", "Southria", "opposes")]["corrected"] == 2
    assert edges[("Southria", "Eastmark", "opposes")]["manual"] == 1
    assert edges[("Norland", "Eastmark", "supports")]["corrected"] == 0
    r = run_cli("extract", "--db", s.path)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert sum(x["manual"] for x in rows) == 1 and sum(x["corrected"] for x in rows) == 2  # the two "Adka Varga" statements
    assert all(set(x) >= {"id", "source", "quote", "corrected", "manual"} for x in rows)


def test_cli_curate_round_trip(tmp_path, capsys):
    s = filled_store(tmp_path / "cl.db")
    db = s.path
    assert cli(capsys, "curate", "--db", db, "merge", "Adka Varga", "Ada Varga", "--note", "one person")[0] == 0
    code, _, err = cli(capsys, "curate", "--db", db, "merge", "Nobody", "Ada Varga")
    assert code == 1 and "no actor named 'Nobody'" in err
    sid = s.statements_frame()["id"].iloc[1]
    for args in (["rename", "Norland", "North Land"], ["retype", "Southria", "group"], ["reject", sid],
                 ["restore", sid], ["flip", sid], ["relation", sid, "warns"], ["set-target", sid, "Westland"],
                 ["undo"], ["redo"]):  # fmt: skip
        code, _, err = cli(capsys, "curate", "--db", db, *args)
        assert code == 0, (args, err)
    art = s.articles()[0]
    code, _, err = cli(capsys, "curate", "--db", db, "add", art.id, "Southria", "threatens", "North Land",
                       "--quote", "Southria attacked Eastmark overnight.")
    assert code == 0, err
    hist = cli(capsys, "curate", "--db", db, "history")[1].splitlines()
    assert len(hist) == 11 and "one person" in hist[-1] and "merge 'Adka Varga' into 'Ada Varga'" in hist[-1]
    df = cur.curated_frame(s)
    assert "Norland" not in set(df["source"]) and df["manual"].sum() == 1
    assert df.set_index("id").at[sid, "target"] == "Westland"


def test_extract_from_a_store_writes_parquet_and_defused_csv(tmp_path, capsys):
    from actorgraph.cli import main
    from actorgraph.readwrite.parquet import read_statements as read_parquet

    s = filled_store(tmp_path / "p.db", n=1)
    cur.rename(s, "Norland", "=HYPERLINK(1)")
    assert main(["extract", "--db", s.path, "-o", str(tmp_path / "o.parquet")]) == 0
    got = list(read_parquet(tmp_path / "o.parquet"))
    assert len(got) == 5 and "=HYPERLINK(1)" in {x.source for x in got} | {x.target for x in got}
    assert main(["extract", "--db", s.path, "-o", str(tmp_path / "o.csv")]) == 0
    text = (tmp_path / "o.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in text and ",=HYPERLINK" not in text
    assert main(["extract", "--db", s.path, "-o", str(tmp_path / "x.csv"), "--csv-exact"]) == 0
    assert ",=HYPERLINK(1)" in (tmp_path / "x.csv").read_text(encoding="utf-8")
