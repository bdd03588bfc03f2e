"""The partial output of ``actorgraph extract -o FILE``: a killed run loses nothing.

While a run goes, each article's statements are appended to ``FILE.partial`` as soon as
the article is finished, followed by a line ``{"actorgraph_done": ARTICLE_ID}`` that
marks it complete, and flushed. ``FILE`` itself is written only at the end, into
``FILE.tmp`` and renamed over ``FILE``, so a file named ``FILE`` is always whole.
``--resume`` reads the partial file back: articles marked done are not parsed again;
statements of an article cut off before its mark are dropped (it is parsed again).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, IO

from .paths import printable
from .records import Statement

DONE = "actorgraph_done"


class JournalError(OSError):
    """The output cannot be written; the message is one line."""


def partial_path(out: str | Path) -> Path:
    return Path(f"{out}.partial")


def check_writable(out: str | Path) -> None:
    """Fail now, before any parsing, when ``out`` (and its partial file) cannot be written."""
    out = Path(out)
    if out.is_dir():
        raise JournalError(f"{printable(out)}: is a folder; give a file name")
    if out.exists() and not os.access(out, os.W_OK):
        raise JournalError(f"{printable(out)}: cannot write (permission denied)")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise JournalError(f"{printable(out)}: cannot create its folder ({e.strerror})") from None
    if not os.access(out.parent, os.W_OK | os.X_OK):
        raise JournalError(f"{printable(out)}: cannot write in its folder (permission denied)")


def read_partial(path: Path) -> dict[str, list[Statement]]:
    """Statements of the articles marked done in a partial file, by article id, in file order."""
    done: dict[str, list[Statement]] = {}
    pending: dict[str, list[Statement]] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return done
    for line in lines:
        try:
            row = json.loads(line)
            if isinstance(row, dict) and isinstance(row.get(DONE), str):
                done[row[DONE]] = pending.pop(row[DONE], [])
            else:
                s = Statement.from_dict(row)
                pending.setdefault(s.article_id, []).append(s)
        except (ValueError, TypeError, RecursionError):  # the line a killed run was writing
            continue
    return done


def _append(fh: IO[str], article_id: str, statements: list[Statement]) -> None:
    """One finished article: its statements, then its mark; flushed, so a kill keeps it."""
    for s in statements:
        fh.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
    fh.write(json.dumps({DONE: article_id}) + "\n")
    fh.flush()


class Journal:
    """Appends finished articles to ``FILE.partial``; ``commit`` writes ``FILE`` atomically."""

    def __init__(self, out: str | Path, resume: bool = False) -> None:
        check_writable(out)
        self.out = Path(out)
        self.path = partial_path(out)
        self.done = read_partial(self.path) if resume and self.path.exists() else {}
        try:
            if self.done:  # the finished articles only, no half line: rewritten aside, then swapped in
                fresh = self.path.with_name(self.path.name + ".new")
                with fresh.open("w", encoding="utf-8") as fh:
                    for article_id, statements in self.done.items():
                        _append(fh, article_id, statements)
                os.replace(fresh, self.path)
            self.fh: IO[str] = self.path.open("a" if self.done else "w", encoding="utf-8")
        except OSError as e:
            raise JournalError(f"{printable(self.path)}: cannot write ({e.strerror})") from None

    def article(self, article_id: str, statements: list[Statement]) -> None:
        _append(self.fh, article_id, statements)

    def resumed(self) -> list[Statement]:
        return [s for group in self.done.values() for s in group]

    def commit(self, statements: list[Statement], write: Callable[[list[Statement], IO[str]], object]) -> None:
        """Write the final file next to ``FILE``, rename it over ``FILE``, drop the partial file."""
        tmp = self.out.with_name(self.out.name + ".tmp")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            write(statements, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.out)
        self.close()
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        if not self.fh.closed:
            self.fh.close()


class ByArticle:
    """Hands each finished article's statements to ``sink(article_id, statements)``.

    ``extract_statements`` calls ``progress(done, total)`` after the statements of each
    article, in input order: the article just finished is ``articles[done - 1]``, which
    also marks articles with no statement as done.
    """

    def __init__(self, article_ids: list[str], sink: Callable[[str, list[Statement]], None]) -> None:
        self.ids = article_ids
        self.sink = sink
        self.pending: list[Statement] = []

    def add(self, s: Statement) -> None:
        self.pending.append(s)

    def progress(self, done: int, total: int) -> None:
        article_id = self.ids[done - 1]
        mine = [s for s in self.pending if s.article_id == article_id]
        self.pending = [s for s in self.pending if s.article_id != article_id]
        self.sink(article_id, mine)
