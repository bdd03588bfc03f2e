"""Every test gets its own store file: nothing is written to the working directory."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_store(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_DB", str(tmp_path / "actorgraph.db"))

