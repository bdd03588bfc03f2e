"""Imported by the fork server of worker processes (``workers._context``), never by the app
itself: it loads the default pipeline there once, and runs it on one sentence so its lazy
tables are built, so that every worker forked from it shares the model's memory
copy-on-write and starts without loading anything."""
from __future__ import annotations

try:
    from .records import Article
    from .statements import build_pipeline, extract_statements

    list(extract_statements([Article(id="warm-up", title="", text="France criticised Spain.")],
                            nlp=build_pipeline()))  # fmt: skip
except Exception:  # noqa: BLE001  (no model here: each worker loads it, and reports its own error)
    pass
