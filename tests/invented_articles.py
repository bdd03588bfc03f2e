"""Invented news articles for the Dask and Parquet tests and for benchmarks/bench_dask.py.

Short made-up texts about states praising and condemning each other, seeded so the same
call always gives the same articles. They are not news; they only give the extractor
something to find (and a corpus of any size without copying anyone's text).
"""
from __future__ import annotations

import random
from pathlib import Path

COUNTRIES = ["France", "Iran", "Japan", "Brazil", "Mexico", "Chile", "Argentina", "Germany", "Turkey",
             "India", "Egypt", "Kenya", "Canada", "Norway", "Poland", "Spain", "Italy", "Peru"]
PATTERNS = [
    "{a} condemned {b} on {day}.",
    "{a} backed {b} in the dispute over fishing rights.",
    "{a} and {b} welcomed the agreement on rail links.",
    "Officials in {a} criticised {b} for delaying the talks.",
    "{a} praised {b} after the vote on the trade deal.",
    "The meeting in the capital ended without a statement on {a}.",
    "Ministers from {a} arrived late, and the session was moved to {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def invented_article(i: int, sentences: int = 5) -> dict[str, str]:
    """Article ``i``: a title, a date and a few sentences (different texts for different ``i``)."""
    rnd = random.Random(i)
    lines = []
    for _ in range(sentences):
        a, b = rnd.sample(COUNTRIES, 2)
        lines.append(rnd.choice(PATTERNS).format(a=a, b=b, day=rnd.choice(DAYS)))
    lines.append(f"The report was number {i} in the series.")  # every text differs
    a, b = rnd.sample(COUNTRIES, 2)
    return {"title": f"{a} praises {b}", "date": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "text": " ".join(lines[:3]) + "\n\n" + " ".join(lines[3:])}


def write_text_files(folder: Path, start: int, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + count):
        art = invented_article(i)
        path = folder / f"invented_{i:05d}.txt"
        path.write_text(f"{art['title']}\n{art['date']}\n\n{art['text']}\n", encoding="utf-8")
        out.append(path)
    return out


def write_jsonl(path: Path, start: int, count: int, sentences: int = 5) -> Path:
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + count):
            fh.write(json.dumps(invented_article(i, sentences)) + "\n")
    return path
