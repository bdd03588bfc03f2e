"""Statements as JSON lines or CSV: the format the CLI prints and reads back."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..records import STATEMENT_COLUMNS as COLUMNS
from ..records import Statement


class StatementsError(ValueError):
    pass


def write_jsonl(statements: Iterable[Statement], fh: IO[str]) -> int:
    """One statement per line; returns how many were written."""
    n = 0
    for s in statements:
        fh.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(statements: Iterable[Statement], fh: IO[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for s in statements:
        writer.writerow(s.to_dict())
        n += 1
    return n


def read_statements(path: str | Path) -> Iterator[Statement]:
    """Statements saved by ``actorgraph extract`` (JSON lines, or CSV or Parquet by suffix,
    or a folder of Parquet shards)."""
    path = Path(path)
    if path.is_dir() or path.suffix.lower() == ".parquet":
        from .parquet import read_statements as read_parquet

        yield from read_parquet(path)
        return
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise StatementsError(f"{path}: cannot open ({exc.strerror})") from None
    with fh:
        if path.suffix.lower() == ".csv":
            for i, row in enumerate(csv.DictReader(fh), start=2):
                row = {k: (None if v == "" and k not in ("quote", "title") else v) for k, v in row.items()}
                yield _parse(row, path, i)
        else:
            for i, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise StatementsError(f"{path}, line {i}: not JSON ({exc.msg})") from None
                yield _parse(row, path, i)


def _parse(row: dict, path: Path, where: int) -> Statement:
    try:
        return Statement.from_dict(row)
    except (TypeError, ValueError) as exc:
        raise StatementsError(f"{path}, line {where}: not a statement ({exc})") from None
