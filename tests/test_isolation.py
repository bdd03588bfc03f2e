"""One article that breaks the pipeline never sinks the run (issue 14), in one process or several."""
from __future__ import annotations

import json
import multiprocessing as mp
from pathlib import Path

import pytest

from actorgraph import workers
from actorgraph.cli import main
from actorgraph.records import Article, text_id
from actorgraph.stances import StanceFinder
from actorgraph.statements import extract_statements

GOOD = [
    "France condemned Iran on Monday.",
    "Germany supports Ukraine. Poland criticised Russia.",
    "Spain praised Portugal after the summit.",
    "Japan sanctioned North Korea. Canada backed Mexico.",
]
BAD = "Atlantis denounced Lemuria in a long statement."  # the component below raises on it


def _article(i: int, text: str) -> Article:
    return Article(id=text_id(text), title="", text=text, path=f"corpus/a{i}.txt")


@pytest.fixture
def broken_component(monkeypatch):
    """The stance component raises on one text only, as a real bug on one article would."""
    real = StanceFinder.__call__

    def flaky(self, doc):
        if "Atlantis" in doc.text:
            raise IndexError("list index out of range")
        return real(self, doc)

    monkeypatch.setattr(StanceFinder, "__call__", flaky)
    # workers must see the patch: fork them even if another test left a thread running
    monkeypatch.setattr(workers, "_context", lambda: mp.get_context("fork"))


@pytest.mark.parametrize("processes", [1, 2])
def test_failing_article_is_reported_and_the_good_ones_go_through(broken_component, processes):
    good = [_article(i, t) for i, t in enumerate(GOOD)]
    bad = _article(99, BAD)
    mixed = good[:2] + [bad] + good[2:]
    errors: list = []
    got = [s.to_dict() for s in extract_statements(mixed, n_process=processes, errors=errors)]
    want = [s.to_dict() for s in extract_statements(good)]
    assert want and got == want  # every good statement, in input order
    assert [str(e) for e in errors] == [
        "corpus/a99.txt: could not analyse this article (IndexError: list index out of range)"
    ]


def test_cli_reports_one_line_and_exits_1(broken_component, tmp_path, capsys):
    for i, text in enumerate(GOOD):
        (tmp_path / f"good{i}.txt").write_text(f"Title {i}\n\n{text}\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text(f"Bad one\n\n{BAD}\n", encoding="utf-8")
    code = main(["extract", str(tmp_path), "--processes", "2"])
    out = capsys.readouterr()
    assert code == 1
    lines = [line for line in out.err.splitlines() if "bad.txt" in line]
    assert len(lines) == 1 and "IndexError" in lines[0] and "could not analyse" in lines[0]
    paths = {json.loads(line)["path"] for line in out.out.splitlines()}
    assert {Path(p).name for p in paths} == {f"good{i}.txt" for i in range(len(GOOD))}


def test_without_an_error_list_the_failure_goes_to_stderr(broken_component, capsys):
    found = list(extract_statements([_article(1, GOOD[0]), _article(2, BAD)]))
    assert found and all(s.path == "corpus/a1.txt" for s in found)
    err = capsys.readouterr().err.splitlines()
    assert err == ["actorgraph: corpus/a2.txt: could not analyse this article (IndexError: list index out of range)"]


def test_chunks_keep_every_worker_busy():
    assert workers.chunk_size(1000, 1, 16) == 16
    assert workers.chunk_size(1000, 2, 16) == 16
    assert workers.chunk_size(100, 2, 16) == 7  # 15 chunks for two workers
    assert workers.chunk_size(3, 4, 16) == 1


def test_an_article_that_kills_its_worker_fails_alone(monkeypatch):
    """A hard crash (segfault, OOM killer) in a worker: that article is reported, the rest goes on."""
    import os

    real = StanceFinder.__call__

    def crash(self, doc):
        if "Atlantis" in doc.text:
            os._exit(3)
        return real(self, doc)

    monkeypatch.setattr(StanceFinder, "__call__", crash)
    monkeypatch.setattr(workers, "_context", lambda: mp.get_context("fork"))
    good = [_article(i, t) for i, t in enumerate(GOOD * 4)]
    assert workers.chunk_size(len(good) + 1, 2, 16) > 1  # the dead worker held other articles too
    errors: list = []
    got = [s.to_dict() for s in extract_statements(good[:5] + [_article(99, BAD)] + good[5:], n_process=2,
                                                   errors=errors)]  # fmt: skip
    monkeypatch.setattr(StanceFinder, "__call__", real)
    assert got == [s.to_dict() for s in extract_statements(good)]
    assert [str(e) for e in errors] == ["corpus/a99.txt: could not analyse this article (RuntimeError: the worker process died)"]
