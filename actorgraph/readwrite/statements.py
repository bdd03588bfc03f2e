"""Statements as JSON lines or CSV: the format the CLI prints and reads back.

Reading checks every line: it must be an object with the statement's fields, of the
right types, a stance with its sign and a relation from the vocabulary
(``actorgraph.lexicon.relations()``) that has that sign. A bad line (not JSON, not
UTF-8, a NUL byte, nested too deeply, a wrong value) is one error naming the file and
line, and the other lines are kept.

CSV is written defused for spreadsheets by default (``spreadsheet.defuse``) and read
back exactly; ``exact=True`` writes and reads the text as it is.
"""
from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from ..lexicon import relations
from ..paths import printable
from ..records import STANCES, Statement
from ..records import STATEMENT_COLUMNS as COLUMNS
from .spreadsheet import defuse, undefuse


class StatementsError(ValueError):
    pass


def write_jsonl(statements: Iterable[Statement], fh: IO[str]) -> int:
    """One statement per line; returns how many were written."""
    n = 0
    for s in statements:
        fh.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(statements: Iterable[Statement], fh: IO[str], *, exact: bool = False, header: bool = True) -> int:
    """CSV rows (defused for spreadsheets unless ``exact``); returns how many were written."""
    writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
    if header:
        writer.writeheader()
    n = 0
    for s in statements:
        d = s.to_dict()
        writer.writerow(d if exact else {k: defuse(v) for k, v in d.items()})
        n += 1
    return n


# --------------------------------------------------------------------------- checking

_TEXT = ("source", "target", "stance", "relation", "article_id")
_OPTIONAL_TEXT = ("source_type", "target_type", "quote", "title", "date", "path", "url", "cue", "source_mention",
                  "target_mention", "source_affiliation", "source_role", "target_affiliation", "target_role", "rule")
_INTS = ("sentence_index", "start", "end")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_WHOLE = re.compile(r"\s*[+-]?\d{1,18}\s*")
_NOT_UTF8 = re.compile(r"[\udc80-\udcff]")


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"{name} must be a whole number, not {type(value).__name__}")
    if isinstance(value, str) and not _WHOLE.fullmatch(value):
        raise ValueError(f"{name} must be a whole number, not {value[:20]!r}")
    return int(value)


def checked(row: Any) -> Statement:
    """A Statement from one saved row, or ValueError saying (in one line) what is wrong."""
    if not isinstance(row, dict):
        raise ValueError(f"not a statement object but {type(row).__name__}")
    for k in _TEXT:
        if not isinstance(row.get(k), str) or not row[k].strip():
            raise ValueError(f"{k} must be non-empty text, not {_shown(row.get(k))}")
    for k in _OPTIONAL_TEXT:
        if row.get(k) is not None and not isinstance(row[k], str):
            raise ValueError(f"{k} must be text, not {type(row[k]).__name__}")
    stance, relation = row["stance"], row["relation"]
    if stance not in STANCES:
        raise ValueError(f"unknown stance {stance[:40]!r} (supports or opposes)")
    sign = _int(row.get("sign"), "sign")
    if sign != STANCES[stance]:
        raise ValueError(f"sign {sign} does not match stance {stance!r}")
    if relations().get(relation) != sign:
        what = "unknown relation" if relation not in relations() else f"relation of the other sign for {stance}:"
        raise ValueError(f"{what} {relation[:40]!r} (see actorgraph/lexicon/en/relations.csv)")
    ints = {k: _int(row.get(k), k) for k in _INTS}
    if not (ints["sentence_index"] >= -1 and 0 <= ints["start"] <= ints["end"]):
        raise ValueError("offsets out of range (need 0 <= start <= end, sentence_index >= -1)")
    conf = row.get("confidence")
    try:
        conf = float(conf) if not isinstance(conf, bool) and isinstance(conf, (int, float, str)) else None
    except ValueError:
        conf = None
    if conf is None or not math.isfinite(conf) or not 0 <= conf <= 1:
        raise ValueError(f"confidence must be a number from 0 to 1, not {_shown(row.get('confidence'))}")
    if row.get("date") and not _DATE.fullmatch(row["date"]):
        raise ValueError(f"date must be YYYY[-MM[-DD]], not {row['date'][:20]!r}")
    s = Statement.from_dict({**row, **ints, "sign": sign, "confidence": conf, "title": row.get("title") or "",
                             "quote": row.get("quote") or ""})
    if not s.source or not s.target:
        raise ValueError("an actor name is empty once control and zero-width characters are removed")
    return s


def _shown(value: Any) -> str:
    return repr(value)[:40] if isinstance(value, str) or value is None else type(value).__name__


# --------------------------------------------------------------------------- reading


def read_statements(path: str | Path, errors: list[str] | None = None, *, exact: bool = False) -> Iterator[Statement]:
    """Statements saved by ``actorgraph extract`` (JSON lines, or CSV by suffix).

    Each bad line is appended to ``errors`` as one line and skipped; without ``errors``
    the first one raises StatementsError. A CSV is read as defused unless ``exact``.
    """
    path = Path(path)
    name = printable(path)

    def fail(message: str) -> None:
        if errors is None:
            raise StatementsError(message)
        errors.append(message)

    if path.is_dir() or path.suffix.lower() == ".parquet":  # a Parquet file or a folder of shards
        yield from _parquet_rows(path, name, fail)
        return

    try:
        data = path.read_bytes() if path.is_file() else None
    except OSError as exc:
        data, reason = None, exc.strerror
    else:
        reason = "not a regular file" if path.exists() else "no such file"
    if data is None:
        fail(f"{name}: cannot open ({reason})")
        return
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    rows = _csv_rows(text, exact) if path.suffix.lower() == ".csv" else _jsonl_rows(text)
    for where, row in rows:
        try:
            if isinstance(row, str):
                raise ValueError(row)
            yield checked(row)
        except ValueError as exc:
            fail(f"{name}, line {where}: {exc}")


def _parquet_rows(path: Path, name: str, fail) -> Iterator[Statement]:
    """Parquet statements, each row checked like a JSON line; an unreadable file is one line."""
    from .parquet import read_statements as read_parquet

    try:
        for i, s in enumerate(read_parquet(path), start=1):
            try:
                yield checked(s.to_dict())
            except ValueError as exc:
                fail(f"{name}, row {i}: {exc}")
    except StatementsError:
        raise
    except (OSError, ValueError, TypeError, KeyError) as exc:  # pyarrow's errors derive from these
        fail(f"{name}: not a readable Parquet file of statements ({str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__})")


def _bad_text(cells: Iterable[Any]) -> str | None:
    """A reason when a cell holds bytes that were not UTF-8 (control characters are kept)."""
    for cell in cells:
        if isinstance(cell, str) and _NOT_UTF8.search(cell):
            return "not UTF-8 text"
    return None


def _jsonl_rows(text: str) -> Iterator[tuple[int, Any]]:
    for i, line in enumerate(text.split("\n"), start=1):
        if not line.strip(" \t\r"):
            continue
        problem = _bad_text([line])
        if problem and problem.startswith("not UTF-8"):
            yield i, problem
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield i, f"not JSON ({exc.msg})"
            continue
        except RecursionError:
            yield i, "nested too deeply to read"
            continue
        yield i, row  # the line was checked for bytes that are not UTF-8 above


def _csv_rows(text: str, exact: bool) -> Iterator[tuple[int, Any]]:
    from ..csvrows import csv_rows

    rows = csv_rows(text)
    head = next(rows, None)
    if head is None:
        return
    if head.cells is None:
        yield head.line, head.problem
        return
    header = head.cells
    missing = [c for c in (*_TEXT, "sign", *_INTS, "confidence") if c not in header]
    if missing:
        yield head.line, f"not a statements table: no column {', '.join(missing)}"
        return
    for r in rows:
        if r.cells is None:
            yield r.line, r.problem.split(": ", 1)[-1]
            continue
        if len(r.cells) != len(header):
            yield r.line, f"{len(r.cells)} cells for {len(header)} columns"
            continue
        cells = r.cells if exact else [undefuse(c) for c in r.cells]
        row = {k: (None if v == "" and k not in ("quote", "title") else v) for k, v in zip(header, cells)}
        yield r.line, (_bad_text(cells) or row)
