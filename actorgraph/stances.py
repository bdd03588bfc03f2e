"""Stance finding: who supports or opposes whom, read off the dependency parse.

The spaCy component ``actorgraph_stances`` runs after ``actorgraph_actors``
(which sets ``doc._.actors``, an index of actor mentions) and sets
``doc._.stances``: a list of :class:`Stance`, one per (source, target, relation)
found in a sentence, each carrying the id of the rule that found it.

This module does the document-level work: it finds who each sentence quotes
(``..., X said``, a quotation whose speaker is named in a neighbouring
sentence), runs the registered rules of :mod:`actorgraph.rules` over every
sentence, drops stances between an actor and its own affiliation (a member and
its party, an official and its state) and keeps the best of duplicates. The
rules themselves are small functions registered under stable ids
(``verb.direct``, ``noun.possessor``, ``judgement.said``, ...; see
``actorgraph/rules/registry.py``), and everything they know about words is
data in ``actorgraph/lexicon/en`` (cue tables and word classes).

Relations (``RELATIONS``, from ``lexicon/en/relations.csv``: relation -> sign):

======================  ==  ====================================================
relation                sign cues (examples)
======================  ==  ====================================================
supports                +1  support, back, endorse, vote for, work for / on behalf of, serve under
allies                  +1  ally (noun/verb), side with, X-allied, friend
cooperates              +1  cooperate, work together, joint drills, partnership, closer ties
praises                 +1  praise, welcome, hail, thank, congratulate
defends                 +1  defend, protect, shield; "the case against Y is a sham" (the speaker defends Y)
aids                    +1  aid, help, arm, fund, X-backed
joins                   +1  join forces with, join up with, enlist with
recognises              +1  recognise
leads                   +1  X-led ("US-led coalition")
opposes                 -1  oppose, resist, enemy, rival, "opposed to", "no legitimacy", severed ties with,
                            cancelled a pact with, called on X to apologise
criticises              -1  criticise, slam, denounce, criticism of, concerned about, "X said Y is corrupt"
condemns                -1  condemn, denounce
accuses                 -1  accuse, blame, allege
warns                   -1  warn
threatens               -1  threaten, threats against
sanctions               -1  sanction, sanctions / tariffs on, embargo, punish
expels                  -1  expel, deport, expelled diplomats from X
attacks                 -1  attack, strike, bomb, invade, attack on
fights                  -1  fight, battle, combat, the fight against
rejects                 -1  reject, dismiss, rebuff
delegitimises           -1  "has no legitimacy", illegitimate, demanded that he step down
clashes                 -1  clash, row/dispute/tensions with, fighting between
prosecutes              -1  sue, indict, impeach, arrest, investigate
======================  ==  ====================================================
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .records import Actor
from .rules import Arg, MentionRef, Sentence, Stance
from .rules.base import QUOTE_CHARS, lemma
from .rules.vocab import ATTRIBUTION_VERBS, RELATIONS

__all__ = ["RELATIONS", "MentionRef", "Stance", "find_stances", "stances_from_data", "stances_to_data"]


# --------------------------------------------------------------------------- speakers




def _speaker_of(sent: Span, index: Any) -> list[Arg]:
    """The actor a sentence quotes: "..., Moon said", "X told reporters: ...", "according to X"."""
    tmp = Sentence(sent, index, 0, [])
    toks = list(sent)
    texts = [t.text for t in toks]  # (read once: every sentence is scanned)
    marks = [x for x in texts if x in QUOTE_CHARS]
    # the sentence goes on with a quotation opened before it: its first mark closes
    inside = bool(marks) and (marks[0] == "\u201d" or (len(marks) % 2 == 1 and marks[0] == '"'
                                                     and texts[0] not in QUOTE_CHARS))
    for t, text in zip(toks, texts):
        if text in QUOTE_CHARS:
            inside = text == "\u201c" or (text == '"' and not inside)
            continue
        if inside:
            continue  # "for him to say that was disgusting," X said: the quoted words' verbs are not the attribution
        if lemma(t) in ATTRIBUTION_VERBS and t.pos_ == "VERB":
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            got = tmp.args(subj, owner="source")
            if got:
                return got
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            for c in t.doc[t.i + 1].children:
                if c.dep_ == "pobj":
                    got = tmp.args(c, owner="source")
                    if got:
                        return got
    return []


_OPENING_BEFORE = ":([\u2014\u2013-"  # a straight mark after these opens a quotation
_MARKS = re.compile("[\u201c\u201d\"]|``|''")


def _open_after(stext: str, was_open: bool) -> bool:
    """Is a quotation open after this sentence? A curly mark says which way it faces; a straight one closes
    before a stop or, inside the sentence, before a space ('"No," she said'), opens after a space, a colon or
    at the start before a word, also as the sentence's last character ('she added in a release. "' /
    'Even so ...'), and otherwise flips, as does one alone or padded at the start ('" warns ...' after
    '"BE AWARE!'); a count of marks is fooled by a quotation split over two sentences. A typewriter's ''
    closes too."""
    state = was_open
    body = stext.rstrip()
    for mark in _MARKS.finditer(body):
        k, ch = mark.start(), mark.group()
        if ch == "\u201c" or ch == "\u201d":
            state = ch == "\u201c"
        elif ch in ("``", "''"):
            state = ch == "``"
        else:
            prev, nxt = body[k - 1] if k else "", body[k + 1] if k + 1 < len(body) else ""
            if not nxt:
                state = (prev.isspace() or prev in _OPENING_BEFORE) if prev else not state
            elif nxt in ".,;!?)" or (nxt.isspace() and k > 0):
                state = False
            elif k > 0 and (prev.isspace() or prev in _OPENING_BEFORE):
                state = True
            else:
                state = not state if nxt.isspace() else True
    return state


def _whole_quote(stext: str) -> bool:
    """Is the sentence one quotation from its first character: it opens with a mark and either stays open
    or closes only at its end ('"Y is lying."', not '"Y is lying," a statement read.' nor '"Reform" was ...')."""
    body = stext.strip()
    if not body.startswith(tuple(QUOTE_CHARS)):
        return False
    inner = body[1:].rstrip(QUOTE_CHARS + "'")
    return not any(c in QUOTE_CHARS for c in inner)


# --------------------------------------------------------------------------- the component


def find_stances(doc: Doc, index: Any | None = None) -> list[Stance]:
    """All stances in a parsed Doc whose actors are indexed in ``index`` (default ``doc._.actors``)."""
    if index is None:
        index = doc._.actors if Doc.has_extension("actors") else None
    if index is None or not index.mentions:
        return []
    out: list[Stance] = []
    sents = list(doc.sents)
    speakers = [_speaker_of(s, index) for s in sents]
    text = doc.text
    gaps = [text[sents[k].end_char:sents[k + 1].start_char].replace("\r", "") for k in range(len(sents) - 1)]
    # one sentence per line (sentence-split corpora): a single line break does not end a paragraph there
    one_per_line = len(sents) > 3 and sum("\n" in g for g in gaps) >= 0.8 * len(gaps)
    # para_end[k]: a paragraph ends after sentence k (always at a blank line and at the end of the text)
    para_end = [("\n\n" in g) or ("\n" in g and not one_per_line) for g in gaps] + [True]
    quote_open = False
    opened = -1
    speaker: list[Arg] = []
    last_quoted: list[Arg] = []  # who spoke the quotation just before (a quote goes on in the next one)
    for i, sent in enumerate(sents):
        stext = text[sent.start_char:sent.end_char]
        own = speakers[i]
        cur = own or (speaker if quote_open else [])
        after = _open_after(stext, quote_open)
        flips = after != quote_open  # the sentence opens a quotation or closes one opened before
        # a sentence opening a quotation: its speaker is named where the quotation closes, in the
        # same paragraph (a quote may run over several sentences, and over lines in one-sentence-per-line text)
        if not own and stext.lstrip().startswith(tuple(QUOTE_CHARS)):
            still_open = after
            for j in range(i + 1, min(i + 5, len(sents))):
                if para_end[j - 1]:
                    break
                if speakers[j]:
                    cur = speakers[j]
                    break
                still_open = _open_after(text[sents[j].start_char:sents[j].end_char], still_open)
                if after and not still_open:
                    break  # closed without naming its speaker
        # the sentence is wholly someone's words: inside an open quotation, or opening one that the next
        # sentences continue, or a new quotation right after one whose speaker is named, which goes on with
        # that speaker's words ('"...," X said. "Y is lying."'), as news style has it
        continued = not own and not cur and bool(last_quoted) and _whole_quote(stext)
        if continued:
            cur = last_quoted
        quoted = not own and bool(cur) and (quote_open or flips or continued)
        # a quotation its speaker is named with: it opens or closes the sentence, or ends in it (no scare quote)
        edge = stext.strip()
        named = own and bool(edge) and (edge[0] in QUOTE_CHARS or edge[-1] in QUOTE_CHARS or (quote_open and not after))
        last_quoted = cur if quoted or named else []
        out.extend(Sentence(sent, index, i, cur, stext, quoted=quoted).run())
        if flips:
            quote_open = after
            opened = i if quote_open else -1
        if quote_open and (para_end[i] or i - opened >= 4):
            quote_open = False  # a quotation does not run on past its paragraph (or a stray quote mark)
        speaker = cur if (quote_open and cur) else own or speaker
    return _dedupe(s for s in out if not _own_side(s))


def _own_side(s: Stance) -> bool:
    """One actor is the other's own affiliation (a member and its party, an official and its state or
    institution): what one says of the other is nearly always the same side speaking, a procedural
    tie ("joined the court", "an appointee of") or a reading of a collective word ("Congress and the
    White House must agree"), not a stance between two actors. A party, movement or armed group and its
    country named as such are two sides ("the ANC condemned South Africa", an opposition party against
    "the government"); a seat of power named for it ("the White House", "the Kremlin") is still its own."""
    a, b = s.source_actor, s.target_actor
    if not (a.affiliation and a.affiliation == b.name) and not (b.affiliation and b.affiliation == a.name):
        return False
    state = s.source if a.type == "country" else s.target
    return not ({a.type, b.type} == {"group", "country"} and state.kind != "metonym")


def _dedupe(stances: Iterable[Stance]) -> list[Stance]:
    """One statement per sentence and signed edge: two cues in one sentence ("X criticised Y and accused
    him of lying") are one piece of evidence, kept at its most confident reading."""
    best: dict[tuple, Stance] = {}
    for s in stances:
        key = (s.sent_index, s.source_actor.name, s.target_actor.name, s.sign)
        if key not in best or s.confidence > best[key].confidence:
            best[key] = s
    return list(best.values())


USER_DATA_KEY = "actorgraph.stances"


def _mention_data(m: Any) -> list:
    return [m.start, m.end, getattr(m, "kind", ""), getattr(m, "text", "")]


def stances_to_data(stances: list[Stance]) -> list[list]:
    """Plain (msgpack-safe) rows: spaCy ships Docs back from worker processes with Doc.to_bytes."""
    rows = []
    for s in stances:
        rows.append([_mention_data(s.source), _mention_data(s.target), _actor_data(s.source_actor),
                     _actor_data(s.target_actor), s.relation, s.sign, s.cue, s.sent_index, s.confidence, s.kind,
                     s.rule])
    return rows


def _actor_data(a: Actor) -> list:
    return [a.name, a.type, list(a.aliases), a.affiliation, a.role]


def stances_from_data(rows: list[list], index: Any | None = None) -> list[Stance]:
    out = []
    actors = getattr(index, "actors", {}) if index is not None else {}
    for src, tgt, sa, ta, relation, sign, cue, sent_index, conf, kind, rule in rows:
        a = actors.get(sa[0]) or Actor(name=sa[0], type=sa[1], aliases=list(sa[2]), affiliation=sa[3], role=sa[4])
        b = actors.get(ta[0]) or Actor(name=ta[0], type=ta[1], aliases=list(ta[2]), affiliation=ta[3], role=ta[4])
        ms = MentionRef(src[0], src[1], (a,), src[2], src[3])
        mt = MentionRef(tgt[0], tgt[1], (b,), tgt[2], tgt[3])
        out.append(Stance(ms, mt, a, b, relation, int(sign), cue, int(sent_index), float(conf), kind, rule))
    return out


def _get_stances(doc: Doc) -> list[Stance] | None:
    rows = doc.user_data.get(USER_DATA_KEY)
    if rows is None:
        return None
    return stances_from_data(rows, doc._.actors if Doc.has_extension("actors") else None)


def _set_stances(doc: Doc, stances: list[Stance] | None) -> None:
    if stances is None:
        doc.user_data.pop(USER_DATA_KEY, None)
    else:
        doc.user_data[USER_DATA_KEY] = stances_to_data(stances)


if not Doc.has_extension("stances"):
    Doc.set_extension("stances", getter=_get_stances, setter=_set_stances)


class StanceFinder:
    """spaCy component: sets ``doc._.stances``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.stances = find_stances(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("actorgraph_stances")
def make_stance_finder(nlp: Language, name: str) -> StanceFinder:
    return StanceFinder(nlp, name)
