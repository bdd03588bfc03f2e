"""``--engine dask`` on a LocalCluster of two worker processes: the same statements as the
local engine, one pipeline load per worker, a worker killed mid-run, a killed run resumed,
complete shards skipped, bad files reported. The corpus is the bundled article plus invented
ones (tests/invented_articles.py), in files and a JSONL table, enough for many partitions."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from actorgraph import distributed as engine  # noqa: E402
from actorgraph.articles import read_articles  # noqa: E402
from actorgraph.cli import main  # noqa: E402
from actorgraph.readwrite.statements import read_statements  # noqa: E402
from actorgraph.statements import extract_statements  # noqa: E402
from invented_articles import write_jsonl, write_text_files  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles"
SIZE = 5  # articles per partition: many partitions from a small corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    base = tmp_path_factory.mktemp("corpus")
    write_text_files(base / "files", 0, 14)
    write_jsonl(base / "table.jsonl", 100, 16)
    with (base / "table.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    (base / "files" / "empty.txt").write_bytes(b"")
    (base / "later").mkdir()
    shutil.copy(base / "files" / "invented_00002.txt", base / "later" / "again.txt")  # same text, later partition
    return [str(SEED), str(base / "files"), str(base / "table.jsonl"), str(base / "later"), str(base / "missing")]


@pytest.fixture(scope="module")
def local(corpus):
    """What the local engine gives: statements as dicts, and the error lines."""
    loaded = read_articles(corpus)
    statements = [s.to_dict() for s in extract_statements(loaded.articles)]
    assert len(statements) > 20
    return statements, sorted(str(e) for e in loaded.errors)


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client

    with engine.local_cluster(2) as lc, Client(lc) as client:
        yield lc, client


def statements_in(out: Path) -> list[dict]:
    return [s.to_dict() for s in read_statements(out)]


def run(corpus, out, cluster, **kw):
    lines: list[str] = []
    summary = engine.extract_to_folder(corpus, out, engine="dask", scheduler=cluster[0].scheduler_address,
                                       partition_size=SIZE, report=lines.append, **kw)
    return summary, lines


def test_two_workers_give_the_local_statements_and_load_the_pipeline_once(corpus, local, cluster, tmp_path):
    summary, lines = run(corpus, tmp_path / "out", cluster)
    statements, errors = local
    assert summary.partitions >= 8
    assert statements_in(tmp_path / "out") == statements
    assert sorted(lines) == errors and summary.exit_code == 1
    assert any("empty.txt: empty file" in e for e in lines) and any("missing: no such file" in e for e in lines)
    assert any("table.jsonl: line 17: not valid JSON" in e for e in lines)
    loads = cluster[1].run(engine.load_count)
    assert sorted(loads.values()) == [1, 1], loads  # once per worker, not per task


def test_rerun_skips_complete_shards_and_redoes_a_missing_one(corpus, local, cluster, tmp_path):
    out = tmp_path / "out"
    first, _ = run(corpus, out, cluster)
    shards = sorted((out / "statements").iterdir())
    times = {p.name: p.stat().st_mtime_ns for p in shards}
    shards[3].unlink()
    again, lines = run(corpus, out, cluster)
    assert again.done_before == first.partitions - 1
    assert sorted(lines) == local[1]  # the errors of skipped partitions are reported again
    after = {p.name: p.stat().st_mtime_ns for p in (out / "statements").iterdir()}
    assert after.keys() == times.keys()
    assert [n for n in times if after[n] != times[n]] == [shards[3].name]
    assert statements_in(out) == local[0]


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(corpus, local, cluster, tmp_path):
    out = tmp_path / "out"
    lc, client = cluster
    result: dict = {}
    thread = threading.Thread(target=lambda: result.update(summary=run(corpus, out, cluster)[0]))
    thread.start()
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and thread.is_alive() and time.monotonic() < deadline:
        busy = [w for w, keys in client.processing().items() if keys]
        done = len(list((out / "statements").glob("part-*"))) if (out / "statements").is_dir() else 0
        if done and busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed = done
        time.sleep(0.02)
    thread.join(timeout=300)
    assert killed is not None, "the run ended before a worker could be killed"
    assert killed < result["summary"].partitions  # killed mid-run
    assert statements_in(out) == local[0]
    client.wait_for_workers(2, timeout=120)  # the nanny restarted it


def test_a_killed_run_resumes_where_it_stopped(corpus, local, cluster, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "actorgraph", "extract", *corpus, "--engine", "dask", "--workers", "1",
           "--partition-size", str(SIZE), "-o", f"{out}/"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while not list(out.glob("statements/part-*")) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the client, its scheduler and its worker
        proc.wait()
    written = len(list(out.glob("statements/part-*")))
    summary, _ = run(corpus, out, cluster)
    assert 0 < written < summary.partitions
    assert summary.done_before == written
    assert not list(out.glob("*/.*.tmp"))
    assert statements_in(out) == local[0]


def test_cli_with_a_bad_file_among_good_ones(cluster, tmp_path, capsys):
    folder = tmp_path / "in"
    write_text_files(folder, 500, 6)
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    code = main(["extract", str(folder), "--engine", "dask", "--scheduler", cluster[0].scheduler_address,
                 "--partition-size", "2", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    bad = [line for line in err if "broken.json" in line]
    assert len(bad) == 1 and bad[0].startswith(f"actorgraph: {folder / 'broken.json'}: not valid JSON")
    arts = read_articles([str(folder)]).articles
    assert len(arts) == 6
    got = statements_in(tmp_path / "out")
    assert {s["article_id"] for s in got} <= {a.id for a in arts} and len(got) == len(list(extract_statements(arts)))


def test_dask_needs_an_output_folder(capsys):
    assert main(["extract", str(SEED), "--engine", "dask"]) == 2
    assert "-o OUT_DIR/" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code = main(["extract", str(SEED), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "-o", str(tmp_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and err[-1].startswith("actorgraph: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
