"""The actor resolver's passes, each checked on its own invented sentences (``actor_cases.jsonl``).

A positive case must hold with every pass and must FAIL with its pass left out, so each case shows
what its pass earns; a negative case (what must not happen) holds with every pass. Every registered
pass and reference rule has a positive case. Also: no actor without a name (issue 14), and the
resolver's functions and classes stay small.
"""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from actorgraph.actors import PASS_IDS, ActorRecognizer
from actorgraph.nlp import model_name

ROOT = Path(__file__).resolve().parent.parent
CASES = [json.loads(line) for line in (Path(__file__).with_name("actor_cases.jsonl")).read_text().splitlines()
         if line.strip()]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load(model_name())
    nlp.add_pipe("actorgraph_actors", after="ner")
    return nlp


def _resolve(nlp, text: str, skip: tuple[str, ...] = ()) -> Doc:
    with nlp.select_pipes(disable=["actorgraph_actors"]):
        doc = nlp(text)
    rec = ActorRecognizer(nlp, gazetteer=nlp.get_pipe("actorgraph_actors").gazetteer, skip_passes=skip)
    return rec(doc)


def _problems(doc: Doc, case: dict) -> list[str]:
    """What in the case does not hold for this Doc (empty: the case holds)."""
    idx = doc._.actors
    out = []
    for surface, want, *nth in case.get("mentions", []):
        pos = -1
        for _ in range((nth[0] if nth else 0) + 1):
            pos = doc.text.index(surface, pos + 1)
        tok = next(t for t in doc if t.idx <= pos < t.idx + max(1, len(t.text)))
        m = idx.mention_at(tok)
        got = "+".join(a.name for a in m.actors) if m else None
        if got != want:
            out.append(f"{surface!r} -> {got!r}, want {want!r}")
    for name, attrs in case.get("actors", {}).items():
        a = idx.actors.get(name)
        if a is None:
            out.append(f"no actor {name!r} (have {sorted(idx.actors)})")
            continue
        for key, want in attrs.items():
            got = name if key == "name" else (want if key == "alias" and want in a.aliases else
                                              None if key == "alias" else getattr(a, key))
            if got != want:
                out.append(f"{name}.{key} = {got!r}, want {want!r}")
    out += [f"{n!r} is an actor" for n in case.get("not_actors", []) if n in idx.actors]
    return out


@pytest.mark.parametrize("case", CASES, ids=[f"{c['pass']}-{c['kind']}-{i}" for i, c in enumerate(CASES)])
def test_actor_case(nlp, case):
    assert case["pass"] in PASS_IDS, f"unknown pass {case['pass']!r}"
    assert case["kind"] in ("positive", "negative")
    assert not _problems(_resolve(nlp, case["text"]), case)
    if case["kind"] == "positive":
        assert _problems(_resolve(nlp, case["text"], (case["pass"],)), case), \
            f"the case holds without {case['pass']}: it does not show what the pass does"


def test_every_pass_has_a_positive_case():
    covered = {c["pass"] for c in CASES if c["kind"] == "positive"}
    assert set(PASS_IDS) - covered == set()


def test_unknown_pass_is_an_error(nlp):
    with pytest.raises(ValueError, match="names.nope"):
        ActorRecognizer(nlp, skip_passes=["names.nope"])


def test_entity_over_a_line_break_is_no_nameless_actor(nlp):
    """Issue 14: NER's entity over a bare line break (a report whose first line is its first sentence)
    made an actor named "", and the pronoun pass crashed on ``name.split()[-1]``."""
    text = ("Halvorsen Co. said it holds a stake in Brindle Corp.\n\n"
            "Halvorsen Co. said it holds a stake in Brindle Corp., and it will vote against the merger.")
    with nlp.select_pipes(disable=["actorgraph_actors"]):
        doc = nlp(text)
    ws = next(t.i for t in doc if t.is_space)
    ents = [e for e in doc.ents if e.end <= ws or e.start > ws]
    doc.ents = sorted(ents + [Span(doc, ws, ws + 1, label="ORG")], key=lambda e: e.start)
    doc = nlp.get_pipe("actorgraph_actors")(doc)  # raised IndexError before the guard
    idx = doc._.actors
    assert all(a.name.strip() for a in idx.actors.values())
    its = [m for m in idx.mentions if m.kind == "pronoun"]
    assert its and all(m.actor.name == "Halvorsen Co." for m in its)


def test_resolver_stays_small():
    """Guideline of the project: no class over ~300 lines, no function over ~60."""
    too_big = []
    for path in [*sorted((ROOT / "actorgraph" / "resolve").glob("*.py")), ROOT / "actorgraph" / "actors.py"]:
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(n, (ast.FunctionDef, ast.ClassDef)):
                limit = 300 if isinstance(n, ast.ClassDef) else 60
                if n.end_lineno - n.lineno + 1 > limit:
                    too_big.append(f"{path.name}:{n.lineno} {n.name}")
    assert not too_big
