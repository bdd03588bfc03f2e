"""Invented wire-style articles from other regions and decades (tests/fixtures/wire, hand-made gold in
gold.json): the extraction must find most of what a careful reader finds there, beyond the visible sets."""
from __future__ import annotations

import json
from pathlib import Path

from actorgraph.articles import read_articles
from actorgraph.statements import extract_statements

WIRE = Path(__file__).with_name("fixtures") / "wire"


def _found() -> dict[str, set[tuple[str, str, str]]]:
    gold = json.loads((WIRE / "gold.json").read_text(encoding="utf-8"))
    names = {n.lower(): canon for canon, al in gold["aliases"].items() for n in (canon, *al)}
    out: dict[str, set[tuple[str, str, str]]] = {}
    for s in extract_statements(read_articles([str(WIRE)]).articles):
        src = names.get(s.source.lower(), s.source)
        tgt = names.get(s.target.lower(), s.target)
        out.setdefault(Path(s.path or "").name, set()).add((src, "+" if s.sign > 0 else "-", tgt))
    return out


def test_wire_core_recall_and_headlines():
    gold = json.loads((WIRE / "gold.json").read_text(encoding="utf-8"))["articles"]
    found = _found()
    core = [(name, tuple(t)) for name, g in gold.items() for t in g["core"]]
    hit = [c for c in core if c[1] in found.get(c[0], set())]
    assert len(hit) >= 0.6 * len(core), f"core found {len(hit)}/{len(core)}"
    # a title-case headline ("Soviets Accuse Washington Of ...") and a former state are read
    assert ("Soviet Union", "-", "United States") in found["w1_summit_1986.txt"]
    # "with Cambodia backing China and Vietnam backing the Philippines": two backers, two sides
    assert {("Cambodia", "+", "China"), ("Vietnam", "+", "Philippines")} <= found["w4_maritime_2016.txt"]
    assert ("Cambodia", "+", "Philippines") not in found["w4_maritime_2016.txt"]
