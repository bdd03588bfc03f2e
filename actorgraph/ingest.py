"""Adding articles to a store: only new ones are parsed, in batches of one transaction each.

Extraction streams through one ``statements.extract_statements`` call (so worker
processes start once, not per batch); its per-article ``progress`` callback tells us
when an article's statements are all out, and every ``batch_size`` finished articles
are written in one transaction. A crash loses at most the batch being parsed; a rerun
skips what is stored (by content hash). An article the engine fails on is retried alone,
reported, and the rest goes on.
"""
from __future__ import annotations

from pathlib import Path

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from .records import Article, Statement
from .store import Store, content_hash
from .version import extractor_version

DEFAULT_BATCH = 32


@dataclass
class IngestReport:
    added: int = 0
    present: int = 0
    failed: int = 0
    reextracted: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        extra = f", {self.reextracted} re-extracted" if self.reextracted else ""
        return f"{self.added} added, {self.present} already present, {self.failed} failed{extra}"


#: Called after each committed batch with (articles written so far, articles to write).
BatchCallback = Callable[[int, int], None]


def ingest(store: Store, paths: Iterable[str], *, fmt: str | None = None, **kw) -> IngestReport:
    """Read files/folders (any input ``articles.read_articles`` reads) into the store."""
    from .articles import read_articles

    loaded = read_articles(list(paths), fmt=fmt)
    report = ingest_articles(store, loaded.articles, **kw)
    report.failed += len(loaded.errors)
    report.errors[:0] = [str(e) for e in loaded.errors]
    return report


def ingest_extracted(store: Store, folder: str, *, batch_size: int = DEFAULT_BATCH) -> IngestReport:
    """Articles and statements already extracted into a Parquet shard folder (``extract -o DIR/``),
    stored without parsing. Their extractor is recorded as ``parquet:<folder>``, so
    ``ingest --reextract`` re-reads them with the current extractor when asked."""
    from collections import defaultdict

    from .readwrite.parquet import iter_folder

    articles, statements = iter_folder(folder)
    by_article: dict[str, list] = defaultdict(list)
    for s in statements:
        by_article[s.article_id].append(s)
    unique = list({a.id: a for a in articles}.values())
    known = store.known_hashes(content_hash(a.text) for a in unique)
    todo = [a for a in unique if content_hash(a.text) not in known]
    report = IngestReport(present=len(unique) - len(todo))
    batch_size = max(1, int(batch_size))
    for i in range(0, len(todo), batch_size):
        report.added += store.add_extracted([(a, by_article.get(a.id, [])) for a in todo[i : i + batch_size]],
                                            f"parquet:{Path(folder).name}")  # fmt: skip
    return report


def split_stored(store: Store, articles: Sequence[Article]) -> tuple[list[Article], list[Article]]:
    """(articles the store holds already, the others), by content hash, in input order."""
    if not articles:
        return [], []
    hashes = [content_hash(a.text) for a in articles]
    known = store.known_hashes(hashes)
    held: list[Article] = []
    new: list[Article] = []
    for a, h in zip(articles, hashes):
        (held if h in known else new).append(a)
    return held, new


def ingest_articles(
    store: Store, articles: Sequence[Article], *, gazetteer=None, batch_size: int = DEFAULT_BATCH,
    processes: int = 1, on_batch: BatchCallback | None = None,
) -> IngestReport:
    """Store the articles not stored yet (by content hash) with their statements."""
    unique = list({a.id: a for a in articles}.values())
    known = store.known_hashes(content_hash(a.text) for a in unique)
    todo = [a for a in unique if content_hash(a.text) not in known]
    report = IngestReport(present=len(articles) - len(todo))
    written = _extract_into(store, todo, gazetteer, batch_size, processes, report, on_batch)
    report.added = written
    return report


def reextract(
    store: Store, *, gazetteer=None, batch_size: int = DEFAULT_BATCH, processes: int = 1,
    on_batch: BatchCallback | None = None,
) -> IngestReport:
    """Re-extract the articles last read by another extractor version (corrections stay in the log)."""
    stale = store.stale_articles(extractor_version())
    report = IngestReport()
    report.reextracted = _extract_into(store, stale, gazetteer, batch_size, processes, report, on_batch)
    return report


def _extract_into(store, todo, gazetteer, batch_size, processes, report, on_batch) -> int:
    """Extract ``todo`` and write it batch by batch; returns the number of articles written.

    An article the pipeline fails on is reported in ``report`` and not stored, so a later
    ingest tries it again; the workers isolate it, the rest of its batch goes in.
    """
    from .statements import extract_statements

    if not todo:
        return 0
    version = extractor_version()
    batch_size = max(1, int(batch_size))
    found: dict[str, list[Statement]] = defaultdict(list)
    pending: list[Article] = []
    failures: list = []
    counted = 0
    written = 0

    def flush() -> None:
        nonlocal written
        if pending:
            store.add_extracted([(a, found.pop(a.id, [])) for a in pending], version)
            written += len(pending)
            pending.clear()
            if on_batch is not None:
                on_batch(written, len(todo))

    def progress(n: int, total: int) -> None:  # called after article n's statements
        nonlocal counted
        article = todo[n - 1]
        if len(failures) > counted:  # this article failed: not stored
            counted = len(failures)
            found.pop(article.id, None)
        else:
            pending.append(article)
        if len(pending) >= batch_size:
            flush()

    for s in extract_statements(todo, gazetteer=gazetteer, n_process=processes, progress=progress, errors=failures):
        found[s.article_id].append(s)
    flush()
    report.failed += len(failures)
    report.errors += [str(f) for f in failures]
    return written
