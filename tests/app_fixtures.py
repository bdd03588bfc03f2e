"""The app's statements fixture as a frame and a graph, shared by test_app and test_view."""
from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.graph import build_graph, statements_frame
from actorgraph.readwrite.statements import read_statements

#: statements with hostile names, titles, quotes and URLs (see the file itself)
FIXTURE = Path(__file__).parent / "fixtures" / "app_statements.jsonl"


@pytest.fixture(scope="module")
def df():
    return statements_frame(read_statements(FIXTURE))


@pytest.fixture(scope="module")
def G(df):
    return build_graph(df)
