"""Worker processes started from a server thread (issue 14): they take the default pipeline
from the fork server, so the parent neither loads the model nor pickles it, and the output is
the one process's, in order."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import json, sys, threading
from actorgraph import nlp, workers
from actorgraph.records import Article, text_id
from actorgraph.statements import extract_statements

texts = [f"{a} condemned {b} on day {i}. {b} praised {c}." for i, (a, b, c) in enumerate(
    [("France", "Spain", "Italy"), ("Japan", "China", "India"), ("Canada", "Mexico", "Brazil")] * 4)]
articles = [Article(id=text_id(t), title="", text=t, path=f"n{i}.txt") for i, t in enumerate(texts)]
out = {}

def run():  # a session thread, as in the app: workers come from the fork server
    out["method"] = workers._context().get_start_method()
    out["pooled"] = [s.to_dict() for s in extract_statements(articles, n_process=2)]
    out["loaded_here"] = nlp.load_nlp.cache_info().currsize

t = threading.Thread(target=run)
t.start(); t.join()
out["alone"] = [s.to_dict() for s in extract_statements(articles)]
print(json.dumps(out))
"""


def test_workers_from_a_thread_use_the_fork_servers_pipeline():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.splitlines()[-1])
    assert out["method"] == "forkserver"
    assert out["loaded_here"] == 0  # the parent only collected records: no model loaded, none pickled
    assert out["alone"] and out["pooled"] == out["alone"]


def test_the_callers_gazetteer_reaches_workers_that_build_the_default_pipeline(monkeypatch):
    """Workers that build the default pipeline themselves (spawned here) use the gazetteer the
    caller gave, not the bundled one: an invented country it alone knows is named."""
    import multiprocessing as mp

    from actorgraph import workers
    from actorgraph.gazetteer import Entry, load_gazetteer
    from actorgraph.records import Article, text_id
    from actorgraph.statements import extract_statements

    monkeypatch.setattr(workers, "_context", lambda: mp.get_context("spawn"))
    gaz = load_gazetteer()
    gaz.add(Entry("Republic of Zembla", "country", aliases=["Zembla"]))
    texts = [f"Zembla condemned France on day {i}. Germany praised Zembla." for i in range(6)]
    articles = [Article(id=text_id(t), title="", text=t) for t in texts]
    from actorgraph.statements import ACTORS_PIPE, build_pipeline

    actors = build_pipeline().get_pipe(ACTORS_PIPE)
    before = actors.gazetteer
    try:
        alone = [s.to_dict() for s in extract_statements(articles, gazetteer=gaz)]
        pooled = [s.to_dict() for s in extract_statements(articles, gazetteer=gaz, n_process=2)]
    finally:
        actors.gazetteer = before  # the shared pipeline as the other tests know it
    assert any(s["source"] == "Republic of Zembla" for s in alone)
    assert pooled == alone
