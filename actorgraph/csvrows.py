"""CSV rows that survive a stray quote, shared by the article and statement readers.

A quote that opens a cell and never closes makes the csv module read every following
line into that one cell: hundreds of rows vanish without a word. ``csv_rows`` reads
the file loosely, then looks at each row that spans several lines. The row is taken as
a swallowing one when its lines do not parse with strict quoting (the quote runs to the
end of the file, or closes in the middle of a word), or when the caller says no cell
may span lines (statement files: a quote is one sentence). It is then reported with its
line numbers, and the reading starts again on the line after the one that opened it,
so the rows it swallowed come back. A row that is the only one of its file over several
lines, and whose later lines are whole rows of the table on their own (two or more of
them), is taken as swallowing too, even when its quotes happen to balance.
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from typing import Iterator

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass(frozen=True)
class Row:
    line: int  # physical line (from 1) where the row starts
    cells: list[str] | None  # None when the row was dropped
    problem: str = ""  # one line when dropped


def _strict_ok(lines: list[str], delimiter: str) -> bool:
    try:
        rows = list(csv.reader(lines, delimiter=delimiter, strict=True))
    except csv.Error:
        return False
    return len(rows) == 1


def _swallows(lines: list[str], width: int, delimiter: str) -> bool:
    """Two or more of a cell's later lines are whole rows of the table on their own."""
    whole = sum(1 for line in lines if width > 1 and _fields(line, delimiter) == width)
    return whole >= 2


def _fields(line: str, delimiter: str) -> int:
    try:
        rows = list(csv.reader([line], delimiter=delimiter, strict=True))
    except csv.Error:
        return 0
    return len(rows[0]) if len(rows) == 1 else 0


def _loose(lines: list[str], start: int, delimiter: str) -> tuple[list[tuple[int, int, list[str]]], Row | None]:
    """(first line, last line, cells) of each row read loosely from ``start``, and a CSV error if any."""
    reader = csv.reader(lines[start:], delimiter=delimiter)
    rows, seen = [], 0
    try:
        for cells in reader:
            rows.append((start + seen + 1, start + reader.line_num, cells))
            seen = reader.line_num
    except csv.Error as e:  # the loose reader rarely complains; keep what came before
        return rows, Row(start + seen + 1, None, f"line {start + seen + 1}: not valid CSV ({e})")
    return rows, None


def csv_rows(text: str, delimiter: str = ",", *, multiline: bool = True) -> Iterator[Row]:
    """Rows of ``text`` (the header included) with their first line numbers.

    ``multiline=False``: no cell may hold a line break, so any row over several lines
    is a swallowing quote.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts exceed the 128 KiB default
    lines = _LINE.findall(text)
    start, width = 0, 0
    while start < len(lines):
        rows, error = _loose(lines, start, delimiter)
        width = width or (len(rows[0][2]) if rows else 0)
        alone = sum(1 for first, last, _ in rows if last > first) == 1  # no other row spans lines
        restart = None
        for first, last, cells in rows:
            if last > first and (not multiline or not _strict_ok(lines[first - 1:last], delimiter)
                                 or alone and _swallows(lines[first:last], width, delimiter)):
                yield Row(first, None, f"line {first}: a quote opened here is not closed and swallows "
                                       f"lines {first + 1}-{last}; reading on from line {first + 1}")
                restart = first
                break
            yield Row(first, cells)
        if restart is None and error is not None:
            yield error
            restart = error.line
        if restart is None:
            return
        start = restart
