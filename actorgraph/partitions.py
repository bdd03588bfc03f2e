"""Splitting the inputs of an extraction into partitions of articles, and loading one.

A partition is a short list of pieces: whole files (a text, Markdown, HTML or JSON file, or
a small table) or a range of rows of a large CSV, JSON-lines or Parquet table, about
``size`` articles in all. Planning reads no article: it lists the files, and scans a large
CSV/JSONL table once for its row boundaries (byte offsets), so a worker reads only its own
rows. Loading a partition gives what ``articles.read_articles`` gives for the same files and
rows: the same Article records, the same one-line errors with the same row and line numbers.

Every partition has a key: a hash of its pieces (paths, sizes, modification times, ranges)
and the extractor version. A shard named with it is reused by a rerun only when nothing that
decides its content has changed.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from . import articles as _articles
from .articles import ArticleError, LoadError, input_files, read_articles
from .records import Article

#: Line breaks that ``str.splitlines`` sees inside one physical line (JSONL numbering follows it).
_EXTRA_BREAKS = re.compile(rb"[\r\x0b\x0c\x1c-\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]")
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


@dataclass(frozen=True)
class Piece:
    """A whole file (``stop`` None), or rows of a table: bytes ``start:stop`` of a CSV/JSONL
    file (after ``header``), or rows ``start:stop`` of a Parquet file; ``first`` is the number
    the first of them has in messages."""

    path: str
    fmt: str | None  # the format forced by the user, else None (by suffix)
    stamp: str  # size and modification time
    start: int = 0
    stop: int | None = None
    first: int = 1
    header: bytes = b""


@dataclass(frozen=True)
class Partition:
    index: int
    pieces: tuple[Piece, ...]
    size: int  # articles (rows) expected

    def key(self, salt: str = "") -> str:
        h = hashlib.sha1(salt.encode("utf-8"))
        for p in self.pieces:
            h.update(repr((p.path, p.fmt, p.stamp, p.start, p.stop, p.first)).encode("utf-8"))
        return h.hexdigest()[:10]

    def name(self, salt: str = "") -> str:
        return f"part-{self.index:06d}-{self.key(salt)}.parquet"


def _stamp(path: str) -> str:
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}"


def _format(path: str, fmt: str | None) -> str | None:
    try:
        return _articles._format(path, fmt)
    except ArticleError:
        return None  # unknown suffix: the loader reports it


def _csv_records(fh) -> Iterator[tuple[int, int, bool, int]]:
    """(start, end, is_row, advance) of each CSV record; a line break ends one only outside
    quotes, and an empty line is neither a row nor counted (as in the csv module)."""
    start = pos = quotes = 0
    for line in fh:
        pos += len(line)
        quotes += line.count(b'"')
        if quotes % 2 == 0:
            row = pos - start != len(line) or bool(line.strip(b"\r\n"))
            yield start, pos, row, int(row)
            start, quotes = pos, 0
    if pos > start:
        yield start, pos, True, 1


def _jsonl_records(fh) -> Iterator[tuple[int, int, bool, int]]:
    """(start, end, is_row, advance) of each physical line; ``advance`` is how many lines
    ``str.splitlines`` sees in it, as ``articles`` numbers them."""
    pos = 0
    for line in fh:
        n = 1
        if _EXTRA_BREAKS.search(line.rstrip(b"\n").rstrip(b"\r")):
            n = max(1, len(line.decode("utf-8", "replace").splitlines()))
        yield pos, pos + len(line), bool(line.strip()), n
        pos += len(line)


def _ranges(records: Iterable[tuple[int, int, bool, int]], size: int) -> list[tuple[int, int, int, int]]:
    """(start, end, first number, rows) of consecutive runs of ``size`` rows."""
    ranges: list[tuple[int, int, int, int]] = []
    begin, first, rows, number, end = None, 1, 0, 1, 0
    for start, end, is_row, advance in records:
        if begin is None:
            begin, first = start, number
        rows += is_row
        number += advance
        if rows == size:
            ranges.append((begin, end, first, rows))
            begin, rows = None, 0
    if begin is not None and rows:
        ranges.append((begin, end, first, rows))
    return ranges


def _text_pieces(path: str, fmt: str | None, kind: str, size: int, stamp: str) -> list[tuple[Piece, int]]:
    """Row-range pieces of a CSV or JSONL file, or the whole file when it is small (or UTF-16/32,
    whose line breaks are not single bytes)."""
    whole = Piece(path, fmt, stamp)
    with open(path, "rb") as fh:
        if fh.read(4).startswith(_WIDE_BOMS):
            return [(whole, size)]
        fh.seek(0)
        header = b""
        if kind == "csv":
            records = _csv_records(fh)
            span = next(records, None)
            if span is None:
                return [(whole, 1)]
            header_span = span[:2]
        else:
            records, header_span = _jsonl_records(fh), None
        ranges = _ranges(records, size)
        if len(ranges) <= 1:
            return [(whole, sum(r[3] for r in ranges) or 1)]
        if header_span:
            fh.seek(header_span[0])
            header = fh.read(header_span[1] - header_span[0])
    return [(Piece(path, fmt, stamp, s, e, first, header), n) for s, e, first, n in ranges]


def _pieces(path: str, fmt: str | None, size: int) -> list[tuple[Piece, int]]:
    """The pieces of one input file with the number of articles each is expected to hold."""
    stamp = _stamp(path)
    kind = _format(path, fmt)
    if kind in ("csv", "jsonl"):
        return _text_pieces(path, fmt, kind, size, stamp)
    if kind == "parquet":
        try:
            from .readwrite.parquet import row_count

            rows = row_count(path)
        except Exception:  # unreadable: the loader reports it, on the whole file
            return [(Piece(path, fmt, stamp), 1)]
        if rows <= size:
            return [(Piece(path, fmt, stamp), rows)]
        return [(Piece(path, fmt, stamp, a, min(a + size, rows), a + 1), min(size, rows - a))
                for a in range(0, rows, size)]
    return [(Piece(path, fmt, stamp), size if kind == "json" else 1)]


def plan(paths: Iterable[str], fmt: str | None = None, size: int = 200) -> tuple[list[Partition], list[LoadError]]:
    """Partitions of about ``size`` articles over the inputs, in input order; missing paths
    and empty folders are errors."""
    if fmt:
        _articles._format("", fmt)  # a bad forced format is the caller's mistake: raise now
    errors: list[LoadError] = []
    parts: list[Partition] = []
    group: list[Piece] = []
    count = 0
    for path in input_files(paths, fmt, errors):
        if path == "-":
            errors.append(LoadError(path, "standard input cannot be split: save it to a file"))
            continue
        for piece, n in _pieces(path, fmt, size):
            if group and count + n > size:
                parts.append(Partition(len(parts), tuple(group), count))
                group, count = [], 0
            group.append(piece)
            count += n
    if group:
        parts.append(Partition(len(parts), tuple(group), count))
    return parts, errors


def _load_rows(piece: Piece, errors: list[LoadError]) -> list[Article]:
    """The articles of a row-range piece; bad rows and a bad piece go to ``errors``."""
    reasons: list[str] = []
    try:
        kind = _articles._format(piece.path, piece.fmt)
        if kind == "parquet":
            found = _articles.read_parquet_rows(piece.path, piece.path, reasons, piece.start, piece.stop)
        else:
            with open(piece.path, "rb") as fh:
                fh.seek(piece.start)
                data = piece.header + fh.read(piece.stop - piece.start)
            reader = _articles._read_csv if kind == "csv" else _articles._read_jsonl
            found = reader(_articles.decode(data), piece.path, reasons, first=piece.first)
    except ArticleError as e:
        errors.append(LoadError(piece.path, " ".join(str(e).split())))
        return []
    except Exception as e:  # a loader bug must not lose the other pieces
        errors.append(LoadError(piece.path, " ".join(f"could not read ({type(e).__name__}: {e})".split())))
        return []
    errors.extend(LoadError(piece.path, r) for r in reasons)
    return found


def load(partition: Partition) -> tuple[list[Article], list[LoadError]]:
    """The articles of a partition (each text once, first one wins) and its load errors."""
    out: list[Article] = []
    errors: list[LoadError] = []
    seen: set[str] = set()
    for piece in partition.pieces:
        if piece.stop is None:
            res = read_articles([piece.path], piece.fmt)
            found = res.articles
            errors.extend(res.errors)
        else:
            found = _load_rows(piece, errors)
        for art in found:
            if art.id not in seen:
                seen.add(art.id)
                out.append(art)
    return out, errors
