"""The extraction of data/articles is frozen in tests/golden/data_articles.jsonl.

A change to a rule or the lexicon that changes what is extracted shows up here; when the
change is meant, regenerate the file with
``python -m actorgraph extract data/articles > tests/golden/data_articles.jsonl``.
"""
from __future__ import annotations

import json
from pathlib import Path

from actorgraph.articles import read_articles
from actorgraph.statements import extract_statements

ROOT = Path(__file__).resolve().parent.parent


def test_data_articles_extract_as_frozen():
    golden = [json.loads(ln) for ln in (ROOT / "tests/golden/data_articles.jsonl").read_text(encoding="utf-8")
              .splitlines() if ln.strip()]
    loaded = read_articles([str(ROOT / "data/articles")])
    got = [s.to_dict() for s in extract_statements(loaded.articles)]
    for d in golden:  # paths are as given on the command line
        d.pop("path", None)
    for d in got:
        d.pop("path", None)
    assert got == golden
    assert all(d["rule"] for d in got)  # every statement says which rule made it
