"""Running the extraction pipeline over many articles: chunks, worker processes, isolation.

Why not ``nlp.pipe(n_process=N)``: spaCy's workers send every parsed ``Doc`` back
as bytes (tokens, parse, entities and our stance objects pickled in its user
data), and the parent deserialises each one and builds the statements alone, so
that serial share capped two processes at about 1.3x one. Here each worker
holds its own pipeline, parses a chunk of articles and returns plain
``Statement`` records, which are a few hundred bytes each; the parent only
collects them, in input order.

Where the pipeline comes from: forked from a program's main thread, the workers
inherit the parent's. From a server's session thread they start from a fork
server, which loads the default pipeline once (``actorgraph.preload``), so every
pool's workers share its model pages copy-on-write and start in milliseconds;
only the gazetteer travels (90 KB). Pickling the whole pipeline instead cost
every pool 0.4 s in the parent, 1.4 s per worker and 90 MB of private memory per
worker; and the parent, which only collects records, no longer loads the model
at all unless it parses something itself.

One article that breaks the pipeline never sinks the run: a chunk that raises
is redone article by article and the failing one comes back as an
``ArticleFailure`` (the article, the exception type and message).
"""
from __future__ import annotations

import math
import multiprocessing as mp
import threading
from dataclasses import dataclass
from typing import Iterator, Sequence

from spacy.language import Language

from .records import Article, Statement

#: A chunk is at most this many batches of the pipeline (bigger chunks, less traffic;
#: smaller chunks, better balance between workers at the end of a run).
CHUNKS_PER_WORKER = 8


@dataclass(frozen=True)
class ArticleFailure:
    """One article the pipeline could not analyse: reported as one line, the run goes on."""

    article: str  # its path, URL or id
    error: str  # "IndexError: list index out of range"

    def __str__(self) -> str:
        return f"{self.article}: could not analyse this article ({self.error})"


def failure(article: Article, exc: BaseException) -> ArticleFailure:
    where = article.path or article.url or article.id
    message = " ".join(str(exc).split())
    return ArticleFailure(str(where), f"{type(exc).__name__}: {message}" if message else type(exc).__name__)


def _chunk_outcomes(nlp: Language, chunk: Sequence[Article], batch_size: int) -> list:
    """Statements per article of the chunk; on any error, each article alone."""
    from .longtext import fits
    from .statements import article_statements, parsed_text, statements_from_doc

    try:
        short = [a for a in chunk if fits(a, nlp.max_length)]  # long ones are parsed in pieces, alone
        docs = nlp.pipe((parsed_text(a) for a in short), batch_size=batch_size)
        found = {id(a): statements_from_doc(doc, a) for doc, a in zip(docs, short)}
        return [found[id(a)] if id(a) in found else article_statements(nlp, a) for a in chunk]
    except Exception:  # noqa: BLE001  (one bad article: find it below)
        pass
    out: list = []
    for a in chunk:
        try:
            out.append(article_statements(nlp, a))
        except Exception as exc:  # noqa: BLE001  (reported as one line; the rest goes on)
            out.append(failure(a, exc))
    return out


@dataclass
class Pipeline:
    """The pipeline to run: a given one (``nlp``), or the default one (``nlp`` None), which
    is built only where it is used, with ``gazetteer`` (None: the bundled one)."""

    nlp: Language | None = None
    gazetteer: object = None

    def get(self) -> Language:
        from .statements import build_pipeline

        self.nlp = build_pipeline(self.nlp, self.gazetteer)
        return self.nlp

    def for_worker(self, ctx) -> tuple:
        """What a worker needs to rebuild this pipeline: the default one (a fork server holds it
        already) travels as its gazetteer; another one (or any, when forking) as itself."""
        from .statements import is_default_pipeline

        if ctx.get_start_method() != "fork" and (self.nlp is None or is_default_pipeline(self.nlp)):
            return None, self.gazetteer if self.nlp is None else _gazetteer_of(self.nlp)
        return self.get(), None


def _gazetteer_of(nlp: Language):
    from .statements import ACTORS_PIPE

    return nlp.get_pipe(ACTORS_PIPE).gazetteer if ACTORS_PIPE in nlp.pipe_names else None


_WORKER: dict[str, object] = {}


def _init_worker(nlp: Language | None, gazetteer, batch_size: int) -> None:
    _WORKER["nlp"], _WORKER["batch_size"] = Pipeline(nlp, gazetteer).get(), batch_size


def _work(chunk: Sequence[Article]) -> list:
    return _chunk_outcomes(_WORKER["nlp"], chunk, _WORKER["batch_size"])  # type: ignore[arg-type]


def chunk_size(total: int, processes: int, batch_size: int) -> int:
    """Articles per chunk: one batch at most, and enough chunks for every worker to stay busy."""
    if processes <= 1:
        return max(1, batch_size)
    return max(1, min(batch_size, math.ceil(total / (processes * CHUNKS_PER_WORKER))))


def _context():
    """Fork from a program's main thread (nothing to load again: the pipeline is shared
    copy-on-write); from a server's session thread (Streamlit), where forking could copy a
    lock another thread holds, workers start from a clean fork server instead."""
    methods = mp.get_all_start_methods()
    if "fork" in methods and threading.current_thread() is threading.main_thread():
        return mp.get_context("fork")
    if "forkserver" not in methods:
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["actorgraph.preload"])  # the default pipeline, loaded once for all workers
    return ctx


def outcomes(
    nlp: Language | Pipeline, articles: Sequence[Article], *, processes: int = 1, batch_size: int = 4,
) -> Iterator[tuple[Article, list[Statement] | ArticleFailure]]:  # fmt: skip
    """Each article with its statements or its failure, in input order (one chunk at a time)."""
    pipeline = nlp if isinstance(nlp, Pipeline) else Pipeline(nlp)
    size = chunk_size(len(articles), processes, batch_size)
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    if processes <= 1 or len(chunks) <= 1:
        results = (_chunk_outcomes(pipeline.get(), c, batch_size) for c in chunks)
        yield from _paired(chunks, results)
        return
    pending = chunks
    while pending:  # more than once only when a worker process died
        found, pending = _pool_run(pipeline, pending, processes, batch_size)
        yield from _paired([c for c, _ in found], (r for _, r in found))


def _pool_run(nlp: Pipeline, chunks: list, processes: int, batch_size: int) -> tuple[list, list]:
    """Run chunks in a pool; if a worker dies (a crash, the OOM killer), the articles from the
    chunk it held on are redone one per task in a new pool, and one that kills it again fails alone."""
    from concurrent.futures.process import BrokenProcessPool

    done: list = []
    pool = _pool(nlp, min(processes, len(chunks)), batch_size)
    try:
        futures = [pool.submit(_work, c) for c in chunks]
        for k, (chunk, future) in enumerate(zip(chunks, futures)):
            try:
                done.append((chunk, future.result()))
            except BrokenProcessPool:  # this chunk, or another one running beside it, killed a worker
                if len(chunk) > 1:
                    return done, [[a] for a in chunk] + chunks[k + 1 :]
                done.append((chunk, _alone(nlp, chunk[0], batch_size)))
                return done, chunks[k + 1 :]
        return done, []
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(nlp: Pipeline, processes: int, batch_size: int):
    from concurrent.futures import ProcessPoolExecutor

    ctx = _context()
    return ProcessPoolExecutor(processes, mp_context=ctx, initializer=_init_worker,
                               initargs=(*nlp.for_worker(ctx), batch_size))  # fmt: skip


def _alone(nlp: Pipeline, article: Article, batch_size: int) -> list:
    """One article in a worker of its own: if that worker dies too, the article is the cause."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(nlp, 1, batch_size)
    try:
        return pool.submit(_work, [article]).result()
    except BrokenProcessPool:
        return [failure(article, RuntimeError("the worker process died"))]
    finally:
        pool.shutdown(wait=True)


def _paired(chunks, results) -> Iterator[tuple[Article, object]]:
    for chunk, found in zip(chunks, results):
        yield from zip(chunk, found)
