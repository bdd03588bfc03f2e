"""Stance rules: who supports or opposes whom, read off the dependency parse.

The spaCy component ``actorgraph_stances`` runs after ``actorgraph_actors``
(which sets ``doc._.actors``, an index of actor mentions) and sets
``doc._.stances``: a list of :class:`Stance`, one per (source, target, relation)
found in a sentence.

How it works, in brief. Every token whose lemma is in a cue lexicon is a
trigger; a rule for its kind finds the source and target actor mentions
through the parse:

* verbs (``VERB_CUES``): the subject (carried down xcomp chains, shared by
  conjoined verbs, taken from the ``by`` agent in the passive, from the
  possessor in "her way to join ...") acts on the direct object or on the
  object of a listed preposition ("side with", "fight against", "warn ...");
* nouns (``NOUN_CUES``): "Russia's support for Assad", "sanctions on Mali"
  (owner = possessor, compound, ``by`` phrase, or the subject of the clause the
  noun is an object of), "a row with Paris", "cooperation between X and Y";
* relational nouns (``RELATIONAL_NOUNS``): "its ally Turkey", "Hamas ally
  Hezbollah", "China, the North's only ally", "X's enemy", "a critic of Y";
* hyphenated modifiers: "Iran-backed Houthis", "US-led coalition", "pro-Russian";
* adjectives (``ADJ_CUES``): "opposed to", "critical of", "concerned about";
* evaluations held by a speaker: "the US said the president has no
  legitimacy", "Lavrov described IS as an enemy", "demanded that he step
  down", "X said Y is trying to interfere with the vote", "'Y should be
  ashamed,' X said", and the sentences of a quotation whose speaker is named
  in a neighbouring sentence — the holder is the subject of the
  saying/calling/demanding clause, the judged is the subject of what is said,
  and only judgement words said of it count (``JUDGEMENT_WORDS``; not those of a
  nested clause about somebody else);
* announcements: "X announced that the House would draw up charges against
  Y": a person announcing an institution's act holds its stance too;
* joint subjects and reciprocals: "X and Y agreed/worked together/held joint
  drills", "the two sides accused each other", "a dispute between X and Y",
  "X clashed / butted heads with Y", "X and Y did not have the same view of ..."
  give both directions;
* multiword and figurative cues: "take issue with", "take aim at", "hit back
  at", "shoot down X's offer", "X's efforts to thwart Y's probe", "a frequent
  target of X's wrath", "rushed to X's defence", "complained that X ...",
  "called X's push a lynching", "frustration with the way X handled ...";
  condemning an act against someone takes their side ("X said the case
  against Y is a sham": X defends Y).

* more evaluations: "X described / portrayed Y('s plan) as reckless", "X alleged that Y ..." (an
  accusation, whatever the act), "X was disappointed / feared that Y ...", "X said Y's lies / misconduct
  ...", "X called on Y to apologise / retract" (Y is in the wrong), "X responded to Y's attacks",
  "X lost confidence in Y", "X, Y's campaign chairman";

* acts and aims: a bare definite act noun ("condemned the move / the veto") is
  the act told just before it in the same paragraph (its subject is the
  target); backing a measure meant to act on Y ("backed a bill to overturn Y's
  decree", "joined the race to unseat Y") takes that act's stance toward Y;
  a thing made "under"/"by" Y is Y's.

* armed conflict and diplomacy: "fired rockets at X", "intercepted drones launched by X", "retook the
  town from X", "Russia's war / an offensive in X", "blamed the attack on X", "recalled its ambassador
  from X", "expelled diplomats from X", "quit / withdrew from ECOWAS" (organisations only), "X and Y
  signed a pact / restored relations", "revoked an accord with X", "thanked X for its support" (X backs
  the thanker), "forces loyal to X" and "strikes carried out by X" are X's, an "X-held" place is X's but
  "X-backed militias" act for themselves;

* votes, levers and hosting: voting for / adopting "a resolution condemning Y" (or "demanding that Y
  withdraw") opposes Y; vetoing, blocking or voting against such a resolution is read as shielding Y, a
  weaker "supports" (Russia vetoing resolutions condemning Syria); hosting talks, mediating or abstaining
  is no stance. "Cut gas supplies / halted arms exports to X", "froze X's assets", "imposed tariffs on X",
  "banned imports from X" sanction X; "resumed / boosted deliveries or aid to X", "supplied X with
  drones", "granted X access to its bases", "allowed X to use its airspace", "hosts X's troops / base",
  "received weapons from X" aid X; lifting, easing or unfreezing is no stance. Headlines the parser
  misreads are matched too: "X, Y trade barbs", "X, Y restore ties", "X summons Y envoy".

No stance is kept between an actor and its own affiliation (a member and its
party, an official and its state or institution), and "the court's four liberal
members" or "a Mali farmer" do not stand for the court or Mali.

A stance whose cue (or any clause above it) is negated (also "no longer", "has yet to"), denied, failed,
refused, conditional ("if"), in a question, or under "without"/"instead of"
is dropped ("withheld" only what is in its object; a denial with an object of its own does not
cover the next conjunct, "X denied any role and accused Y"; nor does a later rebuttal, "X accused Y,
a charge Y denies"). Modal hedges ("could", "would", "should") keep the stance at a
lower confidence. Reported speech keeps its speaker: the stance of an
embedded clause belongs to that clause's subject, never to the one who
reports it (unless the embedded clause is an evaluation of the target, see
above). The first person inside a quotation ("I", "we") is the quoted speaker
(for "we": the speaker's affiliation when it is an actor of the article).

Relations (``RELATIONS``: relation -> sign):

======================  ==  ====================================================
relation                sign cues (examples)
======================  ==  ====================================================
supports                +1  support, back, endorse, vote for, work for / on behalf of, serve under,
                            "X associate Y", "the announcer of an institution's backing"
allies                  +1  ally (noun/verb), side with, X-allied, friend
cooperates              +1  cooperate, work together, joint drills, partnership
praises                 +1  praise, welcome, hail, thank, congratulate
defends                 +1  defend, protect, shield
aids                    +1  aid, help, arm, fund, "provide weapons to", X-backed
joins                   +1  join, join up with, enlist with
recognises              +1  recognise
leads                   +1  X-led ("US-led coalition")
opposes                 -1  oppose, resist, enemy, rival, "opposed to", "no legitimacy"
criticises              -1  criticise, slam, denounce, criticism of, concerned about
condemns                -1  condemn, denounce
accuses                 -1  accuse, blame, allege
warns                   -1  warn
threatens               -1  threaten, threats against
sanctions               -1  sanction, sanctions / tariffs on, embargo, punish, cut supplies to, freeze assets
expels                  -1  expel, deport, sever ties with
attacks                 -1  attack, strike, bomb, invade, attack on
fights                  -1  fight, battle, combat, the fight against
rejects                 -1  reject, dismiss, rebuff
delegitimises           -1  "has no legitimacy", illegitimate, demanded that he step down
clashes                 -1  clash, row/dispute/tensions with, fighting between
prosecutes              -1  sue, indict, impeach, arrest, investigate
======================  ==  ====================================================
"""
from __future__ import annotations

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
    marks = [t.text for t in sent if t.text in QUOTE_CHARS]
    # the sentence goes on with a quotation opened before it: its first mark closes
    inside = bool(marks) and (marks[0] == "\u201d" or (len(marks) % 2 == 1 and marks[0] == '"'
                                                     and sent[0].text not in QUOTE_CHARS))
    for t in sent:
        if t.text in QUOTE_CHARS:
            inside = t.text == "\u201c" or (t.text == '"' and not inside)
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
    quotes = [sum(text[s.start_char:s.end_char].count(q) for q in QUOTE_CHARS) for s in sents]
    gaps = [text[sents[k].end_char:sents[k + 1].start_char].replace("\r", "") for k in range(len(sents) - 1)]
    # one sentence per line (sentence-split corpora): a single line break does not end a paragraph there
    one_per_line = len(sents) > 3 and sum("\n" in g for g in gaps) >= 0.8 * len(gaps)
    # para_end[k]: a paragraph ends after sentence k (always at a blank line and at the end of the text)
    para_end = [("\n\n" in g) or ("\n" in g and not one_per_line) for g in gaps] + [True]
    quote_open = False
    opened = -1
    speaker: list[Arg] = []
    for i, sent in enumerate(sents):
        stext = text[sent.start_char:sent.end_char]
        own = speakers[i]
        cur = own or (speaker if quote_open else [])
        opens = quotes[i] % 2 == 1
        # a sentence opening a quotation: its speaker is named where the quotation closes, in the
        # same paragraph (a quote may run over several sentences, and over lines in one-sentence-per-line text)
        if not own and stext.lstrip().startswith(tuple(QUOTE_CHARS)):
            still_open = opens
            for j in range(i + 1, min(i + 5, len(sents))):
                if para_end[j - 1]:
                    break
                if speakers[j]:
                    cur = speakers[j]
                    break
                still_open ^= quotes[j] % 2 == 1
                if opens and not still_open:
                    break  # closed without naming its speaker
        # the sentence is wholly someone's words: inside an open quotation, or opening one that the next
        # sentences continue (a closed one-sentence quote may be anybody's)
        quoted = not own and bool(cur) and (quote_open or opens)
        out.extend(Sentence(sent, index, i, cur, stext, quoted=quoted).run())
        if opens:
            quote_open = not quote_open
            opened = i if quote_open else -1
        if quote_open and (para_end[i] or i - opened >= 4):
            quote_open = False  # a quotation does not run on past its paragraph (or a stray quote mark)
        speaker = cur if (quote_open and cur) else own or speaker
    return _dedupe(s for s in out if not _own_side(s.source_actor, s.target_actor))


def _own_side(a: Actor, b: Actor) -> bool:
    """One actor is the other's own affiliation (a member and its party, an official and its state or
    institution): what one says of the other is nearly always the same side speaking, a procedural
    tie ("joined the court", "an appointee of") or a reading of a collective word ("Congress and the
    White House must agree"), not a stance between two actors."""
    return bool(a.affiliation and a.affiliation == b.name) or bool(b.affiliation and b.affiliation == a.name)


def _dedupe(stances: Iterable[Stance]) -> list[Stance]:
    best: dict[tuple, Stance] = {}
    for s in stances:
        key = (s.sent_index, s.source_actor.name, s.target_actor.name, s.sign, s.relation)
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
