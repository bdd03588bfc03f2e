"""The fast paths of the extraction give what the plain ones gave: the registry's word index runs
the same rules on each token as a scan of every rule, and the line-break component sets the same
sentence starts as setting them token by token."""
from __future__ import annotations

import pytest

from actorgraph.rules import registry
from actorgraph.rules.base import lemma
from actorgraph.resolve.vocab import ROLE_ABBREVIATIONS
from actorgraph.statements import _title_word, build_pipeline, line_breaks

TEXTS = [
    "Dobbs endorsed Sens. Tom Harris. It was signed by the King. Charles left.",
    "Ruritania condemned Borduria on Monday and vowed to back the rebels.",
    "The minister said the two sides had agreed to cooperate, while critics denounced the deal.",
    "SENATORS BLAST TARIFF PLAN\nLawmakers on Tuesday rejected the proposal of Governor Jane Roe.",
    "Kenya\non Tuesday praised the envoy's efforts, but Somalia was critical of the accord.",
]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _scanned(t):
    """Every rule the token triggers, found by trying each rule of its groups in order."""
    out = []
    for group, pos in registry.groups(t):
        for r in registry.table()[group]:
            if r.key(t, lemma(t)) is not None:
                out.append((group, r.id))
    return out


def _indexed(t):
    return [(group, r.id) for group, _ in registry.groups(t)
            for r in registry.index()[group].candidates(lemma(t), t.lower_) if r.key(t, lemma(t)) is not None]


def test_the_word_index_runs_the_rules_a_full_scan_runs(nlp):
    checked = 0
    for doc in nlp.pipe(TEXTS):
        for t in doc:
            assert _indexed(t) == _scanned(t), t.text
            checked += bool(_scanned(t))
    assert checked >= 10  # lexicon-triggered tokens were among them


def _one_by_one(doc):
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
        elif not prev.is_space and (prev.text == "," or (prev.is_alpha and (
                tok.text[:1].islower() or tok.text == ","))):
            tok.is_sent_start = False
        elif prev.text[:1].isupper() and _title_word(prev.lower_) and tok.text[:1].isupper():
            tok.is_sent_start = False
        elif prev.text == "." and not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].text[:1].isupper() and (
                doc[tok.i - 2].lower_ in ROLE_ABBREVIATIONS or doc[tok.i - 2].lower_ + "." in ROLE_ABBREVIATIONS) \
                and tok.text[:1].isupper():
            tok.is_sent_start = False
    return doc


def test_line_breaks_set_the_starts_token_by_token_setting_gives(nlp):
    for text in TEXTS:
        a, b = line_breaks(nlp.make_doc(text)), _one_by_one(nlp.make_doc(text))
        assert [t.is_sent_start for t in a] == [t.is_sent_start for t in b]
    doc = line_breaks(nlp.make_doc("Kenya\nwill on Tuesday praise Somalia."))
    assert doc[2].is_sent_start is True and doc[3].is_sent_start is False
    doc = line_breaks(nlp.make_doc("Memo\n\nSweden, Finland and Peru"))
    assert [t.is_sent_start for t in doc[3:6]] == [False, False, False]  # the comma, the name after it
    doc = line_breaks(nlp.make_doc("Dobbs endorsed Sens. Tom Harris. It was signed by the King. Charles left."))
    assert [t.text for t in doc[2:5]] == ["Sens", ".", "Tom"] and doc[4].is_sent_start is False  # an abbreviated title
    assert doc[-3].text == "Charles" and doc[-3].is_sent_start is not False  # a full title word ends its sentence
    doc = line_breaks(nlp.make_doc("Trump signs order\n\nPresident Trump signed it. Sen. Lowe agreed."))
    assert doc[5].is_sent_start is False and doc[10].is_sent_start is False  # a title never ends a sentence
