"""Every registered stance rule, run on its cases in tests/rule_cases.jsonl (invented sentences).

A case names one rule id, a text, the triples the rule must produce (``expect``:
each found, made by that rule) and triples that must not appear at all
(``reject``). Every rule id has at least one positive and one negative case,
and a rule that no case fires fails the suite.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from actorgraph.rules import rule_ids
from actorgraph.statements import build_pipeline

CASES_FILE = Path(__file__).with_name("rule_cases.jsonl")
CASES = [json.loads(ln) for ln in CASES_FILE.read_text(encoding="utf-8").splitlines() if ln.strip()]
FIRED: set[str] = set()


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def triples(nlp, text: str) -> dict[tuple[str, str, str], str]:
    """(source, sign, target) -> the id of the rule that made it."""
    return {(s.source_actor.name, "+" if s.sign > 0 else "-", s.target_actor.name): s.rule
            for s in nlp(text)._.stances}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}:{i}" for i, c in enumerate(CASES)])
def test_rule_case(nlp, case):
    got = triples(nlp, case["text"])
    FIRED.update(got.values())
    for t in case.get("expect", []):
        assert got.get(tuple(t)) == case["rule"], f"{case['text']!r}: expected {t} from {case['rule']}, got {got}"
    for t in case.get("reject", []):
        assert tuple(t) not in got, f"{case['text']!r}: {t} must not be found (made by {got.get(tuple(t))})"


def test_every_rule_has_positive_and_negative_cases():
    for rid in rule_ids():
        mine = [c for c in CASES if c["rule"] == rid]
        assert any(c.get("expect") for c in mine), f"no positive case for {rid}"
        assert any(c.get("reject") for c in mine), f"no negative case for {rid}"
    unknown = {c["rule"] for c in CASES} - set(rule_ids())
    assert not unknown, f"cases name unregistered rules: {unknown}"


def test_every_rule_fires_on_some_case(nlp):
    fired = set(FIRED)
    for case in CASES:  # (when run alone, without the parametrised cases)
        if not fired >= set(rule_ids()):
            fired.update(triples(nlp, case["text"]).values())
    assert not set(rule_ids()) - fired, f"rules no case fires: {sorted(set(rule_ids()) - fired)}"
