"""CSV rows that survive a stray quote, shared by the article and statement readers.

A quote that opens a cell and never closes makes the csv module read every following
line into that one cell: hundreds of rows vanish without a word. ``csv_rows`` reads
the file loosely, then looks at each row that spans several lines. The row is taken as
a swallowing one when its lines do not parse with strict quoting (the quote runs to the
end of the file, or closes in the middle of a word), or when the caller says no cell
may span lines (statement files: a quote is one sentence). It is then reported with its
line numbers, and the reading starts again on the line after the one that opened it,
so the rows it swallowed come back.
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


def csv_rows(text: str, delimiter: str = ",", *, multiline: bool = True) -> Iterator[Row]:
    """Rows of ``text`` (the header included) with their first line numbers.

    ``multiline=False``: no cell may hold a line break, so any row over several lines
    is a swallowing quote.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts exceed the 128 KiB default
    lines = _LINE.findall(text)
    start = 0
    while start < len(lines):
        reader = csv.reader(lines[start:], delimiter=delimiter)
        seen = 0
        restart = None
        try:
            for cells in reader:
                first, last = start + seen + 1, start + reader.line_num
                span, seen = reader.line_num - seen, reader.line_num
                if span > 1 and (not multiline or not _strict_ok(lines[first - 1:last], delimiter)):
                    yield Row(first, None, f"line {first}: a quote opened here is not closed and swallows "
                                           f"lines {first + 1}-{last}; reading on from line {first + 1}")
                    restart = first
                    break
                yield Row(first, cells)
        except csv.Error as e:  # the loose reader rarely complains; keep what came before
            yield Row(start + seen + 1, None, f"line {start + seen + 1}: not valid CSV ({e})")
            restart = start + seen + 1
        if restart is None:
            return
        start = restart
