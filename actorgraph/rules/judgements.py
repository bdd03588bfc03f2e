"""Judgements held by someone: what a speaker says of another ("X said Y is corrupt", quoted sentences),
naming ("called Y a liar", "described Y as reckless"), allegations, complaints and fears."""
from __future__ import annotations

from spacy.tokens import Token

from .base import Arg, lemma, not_enough
from .context import Sentence
from .registry import rule
from .verbs import _agent, _for_clause, _passive_subject
from .vocab import (LABEL_VERBS, TRUST_VERBS, INQUIRY_NOUNS, ALLEGING_VERBS, RELATIONS, ACT_NOUNS, BLAME_ADJS, CALL_VERBS, DENIAL_VERBS, DESCRIBE_VERBS, EVAL_ADJS, EVAL_HEADS, EVAL_NOUNS, HARM_NOUNS, HOLD_VERBS, JUDGEMENT_ADJS, KIND_HEADS, JUDGEMENT_WORDS, LEGITIMACY, NEG_ADVERBS, NOUN_CUES, OUSTER_NOUNS, REPLY_NOUNS, SPEECH_ACT_NOUNS, SPEECH_VERBS,
                    THIRD_PERSON, UNDERGO_VERBS, RISK_ADJS, ALLEGATION_NOUNS, slot_sign)


def _judged_thing(ctx: Sentence, judged_tok: Token) -> list[Arg]:
    """Whose thing is judged: "Her questioning is excellent", "the Labour proposals are reckless"
    (the owner), "X said the comments were disgusting" (the act told just before)."""
    judged = [a for c in judged_tok.children if c.dep_ == "poss" for a in ctx.args(c)]
    if not judged:
        # (not a compound: "the Russia hoax" is about Russia)
        judged = [a for a in ctx.owners(judged_tok, between_ok=False) if a.mention.start < judged_tok.i
                  and not any(c.dep_ == "compound" and a.mention.start <= c.i < a.mention.end
                              for c in judged_tok.children)]
    if not judged and (lemma(judged_tok) in ACT_NOUNS or judged_tok.lower_ in ACT_NOUNS) \
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                    for c in judged_tok.children) \
            and not any(c.dep_ in ("prep", "acl", "relcl", "compound", "amod") for c in judged_tok.children):
        judged = ctx._act_agent(judged_tok)
    return judged


def _victims(ctx: Sentence, judged_tok: Token) -> list[Arg]:
    """ "the process against X is a sham", "the probe into X is a witch hunt": condemning what is done against
    X takes X's side."""
    preps = [c for c in judged_tok.children if c.dep_ == "prep"]
    if judged_tok.dep_ == "dobj":  # "called the probe into Y a disgrace": the parser hangs "into" on the verb
        preps += [c for c in judged_tok.head.children if c.dep_ == "prep" and c.lower_ == "into"]
    victims = [a for c in preps if c.lower_ == "against" or (c.lower_ == "into" and lemma(judged_tok) in INQUIRY_NOUNS)
               for o in c.children if o.dep_ == "pobj" for a in ctx.args(o)]
    if not victims:
        victims = [a for c in judged_tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for o in c.children if o.dep_ == "pobj" and (lemma(o) in OUSTER_NOUNS)
                   for cc in o.children if cc.dep_ == "prep" and cc.lower_ == "against"
                   for oo in cc.children if oo.dep_ == "pobj" for a in ctx.args(oo)]
    return victims


@rule("judgement.said", pos="verb", words=("report_verbs", "denial_verbs"), order=110,
      emits=("judgement.victim", "judgement.owned_wrong", "judgement.denied"))
def speaker_judgement(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X said Y has been lying", "'Y is a disgrace,' X tweeted": the speaker judges the subject of
    what is said. Only the clause's own judgement words count (not the verbs of what Y did)."""
    content = next((c for c in v.children if c.dep_ == "ccomp"), None)
    if content is None:
        return
    speakers = ctx.subjects(v)
    if not speakers:
        return
    for c in [content] + [c for c in content.conjuncts if any(x.dep_ == "mark" for x in c.children)]:
        _judged_in(ctx, v, c, speakers)  # "X said the vote was a mistake and that Y should resign"


def _judged_in(ctx: Sentence, said: Token | None, content: Token, speakers: list[Arg]) -> None:
    """One clause of what is said: its subject judged by the speakers. ``said`` is the speech verb, None
    for a quoted sentence whose speaker is named in another one (the clause is then its own cue)."""
    v = said if said is not None else content
    denial = said is not None and lemma(said) in DENIAL_VERBS
    judged_tok = _extraposed(content, next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None))
    judged, victims = _judged_of(ctx, said, judged_tok)
    ex = {a.actor.name for a in speakers}
    others = [a for a in judged if a.actor.name not in ex]
    if _answerable(content):  # "X said Y was behind / bears responsibility for the bombing" (its praise
        if not denial and not _negated(content):  # words praise nobody)
            ctx.emit(speakers, others, "accuses", v, "evaluation", factor=0.75, check=v)
        return
    if not_enough(content) and judged:  # "X said Y did too little"
        ctx.emit(speakers, others, "criticises", v, "evaluation", factor=0.75, check=v)
        return
    if not denial:
        ctx.within("judgement.owned_wrong", _owned_wrongs, v, content, speakers)
    if (not judged and not victims) or judged_tok is None:
        return
    wrong = _own_wrong(content) if judged and not victims else None
    if wrong is not None and (any(c.dep_ == "neg" for c in content.children) or wrong) != denial:
        # "X said Y did nothing wrong / is not corrupt", "X denied that Y lied": a wrong of Y denied
        ctx.emit(speakers, others, "defends", v, "evaluation", factor=0.6, check=v, rule="judgement.denied")
        return
    if denial:
        return
    score, manner = _said_score(ctx, content, judged_tok)
    if score == 0:
        return
    if victims and score < 0:
        ctx.emit(speakers, [a for a in victims if a.actor.name not in ex], "defends", v, "evaluation",
                 factor=0.7, check=v, rule="judgement.victim")
    ctx.emit(speakers, others, "criticises" if score < 0 else ("defends" if manner else "praises"), v, "evaluation",
             factor=0.75, check=v)


def _extraposed(content: Token, judged_tok: Token | None) -> Token | None:
    """ "it was unfair for Y to ...", "it is reckless of Y to ...": what the clause judges is the one whose
    deed the sentence puts last, not the "it" standing in for that deed."""
    if judged_tok is None or judged_tok.lower_ != "it":
        return judged_tok
    for pred in (c for c in content.children if c.dep_ == "acomp" and c.lower_ not in RISK_ADJS):
        # (not "a disaster for Y to lose", nor "dangerous for Y to travel": what Y risks)
        for c in (*pred.children, *content.children):
            if _for_clause(c):
                # the doer of a deed, not one who loses, pays or suffers ("unfair for Y to pay for Z")
                doer = lemma(c) not in UNDERGO_VERBS
                return next((s for s in c.children if s.dep_ == "nsubj" and doer), judged_tok)
            if c.dep_ == "prep" and c.lower_ == "of" and c.head.i == pred.i \
                    and any(x.dep_ in ("xcomp", "advcl") and x.i > c.i and any(a.lower_ == "to" for a in x.children)
                            for x in content.children):
                return next((o for o in c.children if o.dep_ == "pobj"), judged_tok)
    return judged_tok


def _passive_label(n: Token) -> bool:
    """Is the noun what a passive naming verb calls its subject ("was designated / labelled a terrorist group")?"""
    v = n.head
    return lemma(v) in LABEL_VERBS and any(c.dep_ == "nsubjpass" for c in v.children)


def _judged_of(ctx: Sentence, said: Token | None, judged_tok: Token | None) -> tuple[list[Arg], list[Arg]]:
    """Who a clause judges, and who is wronged by what it judges: its subject; a pronoun subject is the one it
    is said of ("'He has failed us,' X said of Y") or answered ("'This is a disgrace,' X said in response to
    Y"); a thing's owner, and the one a process targets ("the charges against Y are a sham")."""
    judged = ctx.args(judged_tok)
    if said is not None and judged_tok is not None:
        said_of = [a for c in said.children if c.dep_ == "prep" and c.lower_ in ("of", "about")
                   for o in c.children if o.dep_ == "pobj" for a in ctx.args(o)]
        if said_of and judged_tok.lower_ in THIRD_PERSON:
            judged = said_of
        elif not judged and (judged_tok.lower_ in THIRD_PERSON or judged_tok.lower_ in ("this", "that")):
            judged = _answered_with(ctx, said)
    if not judged and judged_tok is not None and (judged_tok.pos_ == "NOUN" or judged_tok.tag_ == "VBG"):
        # ("'Our tax code is a mess,' X said": the speaker's own side is no one judged)
        return [a for a in _judged_thing(ctx, judged_tok) if getattr(a.mention, "kind", "") != "speaker"], \
            _victims(ctx, judged_tok)
    return judged, []


def _said_score(ctx: Sentence, content: Token, judged_tok: Token) -> tuple[int, int]:
    """The sign of what a clause says of its subject (0: nothing said), and the manner adverbs' share of it:
    judgement words, trust, a praise word denied ("Y is not fit") or a manner that judges what was done to
    Y ("Y was unfairly attacked": Y is its patient)."""
    negated = any(c.dep_ == "neg" for c in content.children)
    score = ctx._judgement_score(content, judged_tok)
    trust = _trust(content, judged_tok)
    if trust:  # "X said Y can't be trusted", "... Y is not to be relied on"
        score, negated = trust, False
    if negated:
        if score <= 0 or JUDGEMENT_WORDS.get(content.lower_) or JUDGEMENT_WORDS.get(lemma(content)):
            return 0, 0  # "Y did not praise Z": what Y did not do says nothing of Y
        score = -score
    manner = _passive_manner(content, judged_tok)
    if manner and manner == score:
        score = manner * slot_sign(lemma(content), "obj", default=RELATIONS["opposes"])
    return score, manner


def _answered_with(ctx: Sentence, said: Token) -> list[Arg]:
    """Y in "X said ... in response / reply to Y" or "... to Y's remarks" (what Y said, not what befell Y:
    "a great day," X said in response to Y's resignation, praises nobody)."""
    return [a for c in said.children if c.dep_ == "prep" and c.lower_ == "in"
            for r in c.children if r.dep_ == "pobj" and lemma(r) in REPLY_NOUNS
            for p in r.children if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children if o.dep_ == "pobj"
            for a in (ctx.args(o, owner=True) if o.lower_ in SPEECH_ACT_NOUNS or lemma(o) in SPEECH_ACT_NOUNS
                      else ctx.args(o))]


def _trust(content: Token, judged_tok: Token) -> int:
    """ "Y can be trusted" (+1), "Y is not to be relied on" (-1): a modal passive of trust says how far the
    speaker trusts Y (0 for anything else; a plain passive, "Y was trusted by many", reports others)."""
    v = content
    if lemma(v) == "be" and judged_tok.dep_ == "nsubj":  # "Y is not to be relied on"
        v = next((c for c in v.children if c.dep_ == "xcomp"), v)
    if not ((v is not content or judged_tok.dep_ == "nsubjpass") and lemma(v) in TRUST_VERBS
            and any(c.dep_ == "auxpass" for c in v.children)
            and any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in v.children)):
        return 0
    return -1 if any(c.dep_ == "neg" for x in {content, v} for c in x.children) else 1


def _passive_manner(content: Token, judged_tok: Token) -> int:
    """The judgement words among the manner adverbs of a passive clause ("Y was unfairly attacked", "Y was
    rightly criticised"): 0 for an active clause or one without them."""
    if judged_tok.dep_ != "nsubjpass":
        return 0
    return sum(JUDGEMENT_WORDS.get(c.lower_, 0) or JUDGEMENT_ADJS.get(c.lower_, 0)
               for c in content.children if c.dep_ == "advmod")


def _defended(ctx: Sentence, v: Token, obj: Token, cue: Token) -> bool:
    """ "X called / described the charges against Y a disgrace / as a sham": condemning what is done against Y,
    X defends Y (``judgement.victim``). True when there was such a Y."""
    victims = _victims(ctx, obj)
    if not victims:
        return False
    ex = {a.actor.name for a in ctx.subjects(v)}
    ctx.emit(ctx.subjects(v), [a for a in victims if a.actor.name not in ex], "defends", cue, "evaluation",
             factor=0.7, check=v, rule="judgement.victim")
    return True


def _own_wrong(content: Token) -> bool | None:
    """Whether the clause's own predicate is a wrong ("Y lied", "Y is corrupt", "Y was involved in
    wrongdoing"): None when it is not, True when a "nothing" / "no" before it denies it ("Y did nothing
    wrong", "no wrongdoing"), else False. A modal clause ("Y must not lie") demands, it does not deny."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in content.children):
        return None
    words = [content, *[c for c in content.children if c.dep_ in ("acomp", "attr", "dobj", "oprd")],
             *[o for c in content.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]]
    words += [g for w in words[1:] for g in w.children if g.dep_ == "amod"]
    wrongs = [w for w in words if _wrong(w)]
    if not wrongs or any(c.lower_ == "enough" for w in wrongs for c in w.children):
        return None  # ("Y was not tough enough" asks for more of it)
    return any(w.lower_ in NEG_ADVERBS or any(c.dep_ == "det" and c.lower_ == "no" for c in w.children)
               for w in words[1:])


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEG_ADVERBS for c in t.children)


def _wrong(t: Token) -> bool:
    return JUDGEMENT_WORDS.get(t.lower_, 0) < 0 or JUDGEMENT_WORDS.get(lemma(t), 0) < 0


def _owned_wrongs(ctx: Sentence, v: Token, content: Token, speakers: list[Arg]) -> None:
    """ "X said waiting would make them 'accomplices to his obstruction'": a wrong said to be Y's
    ("Y's obstruction / lies / corruption", "Y's reckless handling of ...") anywhere in what the speaker says is
    the speaker's charge against Y (not in somebody else's words, nor when the wrong is denied: "Y's lies
    did not happen"; a denial elsewhere leaves it standing: "Y's dishonest claims are not new")."""
    stack = [content]
    owners: list[Arg] = []
    n = 0
    while stack and n < 60:
        t = stack.pop()
        n += 1
        pos = t.pos_
        if t is not content and pos in ("VERB", "AUX") and lemma(t) in SPEECH_VERBS:
            continue
        # (what a claim or allegation says is not the speaker's charge: "the claims about Y's misconduct were lies")
        stack.extend(c for c in t.children if not (lemma(t) in ALLEGATION_NOUNS and c.dep_ in ("prep", "acl", "relcl")))
        if pos == "NOUN" and (_wrong(t) or any(c.dep_ == "amod" and _wrong(c) for c in t.children)) \
                and not _denied(t, content):
            # "Y's lies", and a thing of Y's called wrong: "Y's reckless handling of ...", "Y's dishonest claims"
            owners.extend(a for c in t.children if c.dep_ == "poss" for a in ctx.args(c))
    ex = {a.actor.name for a in speakers}
    owners = [a for a in owners if a.actor.name not in ex]
    if owners:
        ctx.emit(speakers, owners, "criticises", v, "evaluation", factor=0.6, check=v)


def _denied(t: Token, top: Token) -> bool:
    """Is there a negation on ``t`` or on the words above it up to ``top``? Not one on a predicate said of
    it ("Y's dishonest claims are not new" still calls them dishonest)."""
    while True:
        if t.lower_ in NEG_ADVERBS or _negated(t):
            return True
        if t.i == top.i or t.head.i == t.i or t.dep_ in ("nsubj", "nsubjpass"):
            return False
        t = t.head


@rule("judgement.called", pos="verb", words=("call_verbs", "describe_verbs", "hold_verbs"), order=140,
      emits=("judgement.victim",))
def called_or_described(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X called Y's push a 'lynching'", "X described Y as reckless", "X holds Y responsible": a naming
    verb's predicate judges its object."""
    if lem in HOLD_VERBS:
        held_responsible(ctx, v)
    if lem in CALL_VERBS:
        called(ctx, v)
    if lem in DESCRIBE_VERBS:
        described_as(ctx, v)


def called(ctx: Sentence, v: Token) -> None:
    """ "X called Y's plan for a recount a 'farce'", "X called the report 'condescending'" (said of Y's
    thing): the judgement words of the predicate noun/adjective judge the object or its owner."""
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    # the last predicate: "called the Democrats' push for X a 'lynching'" may parse "push" as one too
    pred = next((c for c in reversed(list(v.children)) if c.dep_ in ("oprd", "xcomp", "ccomp")
                 and c.i > (obj.i if obj is not None else v.i)), None)
    if pred is None and obj is not None:  # "called the delay unacceptable": an adjective after its noun
        pred = next((c for c in obj.children if c.dep_ == "amod" and c.i > obj.i), None)
    if pred is None and obj is not None:
        pred, obj = obj, None  # "called X's report 'condescending'" parsed as one object
    if pred is None:
        return
    repaired = False  # a misparse mended here, which the evaluation rules (reading the parse as it is) miss
    if obj is None:
        obj, pred, repaired = _judged_on_predicate(pred)
        if obj is None:
            return
    if not repaired and (lemma(pred) in EVAL_NOUNS or lemma(pred) in EVAL_ADJS):
        return  # the evaluation rules have it
    score = (EVAL_NOUNS.get(lemma(pred), 0) or EVAL_ADJS.get(lemma(pred), 0)) if repaired else 0
    # (the predicate may hang on the judged thing as its apposition: "called X's push a 'disgrace'")
    words = [pred, *[c for c in pred.children if c.dep_ in ("amod", "compound", "appos", "npadvmod")]]
    words += [g for c in pred.children if c.dep_ in ("appos", "npadvmod") for g in c.children if g.dep_ == "amod"]
    for t in words:
        score += JUDGEMENT_WORDS.get(t.lower_) or JUDGEMENT_WORDS.get(lemma(t)) or 0
    of = [p for c in pred.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    of_score = sum(JUDGEMENT_WORDS.get(p.lower_) or JUDGEMENT_WORDS.get(lemma(p)) or 0 for p in of)
    if of_score and (score > 0 or (score == 0 and lemma(pred) in KIND_HEADS)):
        score = of_score  # "the champion of corruption", "an act of aggression" (not "a victim of corruption")
    if score == 0:
        return
    if score < 0 and _defended(ctx, v, obj, v):  # "X called the charges against Y a disgrace"
        return
    takers = ctx.takers(v)
    ex = {a.actor.name for a in takers}
    judged = _what_was_done(ctx, v, obj) or ctx.args(obj, owner=True)
    ctx.emit(takers, [a for a in judged if a.actor.name not in ex],
              "criticises" if score < 0 else "praises", v, "evaluation", factor=0.8)


def _judged_on_predicate(pred: Token) -> tuple[Token | None, Token, bool]:
    """The judged thing the parser hung on the predicate, the predicate, and whether the parse was mended: "X's
    report" as the predicate's modifier; "called Governor Tom Pike a liar" with the name taken for the predicate
    and the noun hung on it; "called Governor Tom Pike unfit" with the name hung on the adjective."""
    if pred.pos_ == "PROPN":
        noun = next((c for c in pred.children if c.dep_ in ("pobj", "appos", "attr", "npadvmod", "dobj")
                     and c.i > pred.i and c.pos_ in ("NOUN", "ADJ")), None)
        if noun is not None:
            return pred, noun, True
    owner = next((c for c in pred.children if c.dep_ in ("poss", "nmod", "compound") and c.i < pred.i), None)
    if owner is not None:
        return owner, pred, False
    name = next((c for c in pred.children if c.dep_ in ("intj", "npadvmod", "dep") and c.pos_ == "PROPN"
                 and c.i < pred.i), None)
    return name, pred, name is not None


def _what_was_done(ctx: Sentence, v: Token, obj: Token) -> list[Arg]:
    """ "Y fired missiles in what X called an act of intimidation": the judged is the doer of the clause
    the "in what" phrase hangs on."""
    if obj.lower_ != "what" or v.dep_ != "pcomp" or v.head.lower_ != "in" or v.head.head.pos_ not in ("VERB", "AUX"):
        return []
    return ctx.subjects(v.head.head)


def described_as(ctx: Sentence, v: Token) -> None:
    """ "X described Y as reckless", "X portrayed Y's plan as a disaster", "X referred to Y as a crook":
    the judgement words of the "as" phrase judge the object (or its owner)."""
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None and lemma(v) == "refer":
        obj = next((p for c in v.children if c.dep_ == "prep" and c.lower_ == "to"
                    for p in c.children if p.dep_ == "pobj"), None)
    if obj is None:
        return
    as_ = next((c for h in (v, obj) for c in h.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_ is None:
        return
    preds = [c for c in as_.children if c.dep_ in ("pobj", "amod", "acomp", "advmod", "nmod")]
    if any(lemma(p) in EVAL_NOUNS for p in preds if p.dep_ == "pobj"):
        return  # the evaluation rules have it
    words = [w for p in preds for w in (p, *p.conjuncts)]
    words += [c for w in list(words) for c in w.children if c.dep_ in ("amod", "compound", "advmod")]
    score = 0
    for w in words:
        x = JUDGEMENT_WORDS.get(w.lower_) or JUDGEMENT_WORDS.get(lemma(w)) or 0
        if not x and w.pos_ == "ADJ":
            x = JUDGEMENT_ADJS.get(w.lower_, 0) or EVAL_ADJS.get(w.lower_, 0)
        score += x
    if score == 0:
        return
    if score < 0 and _defended(ctx, v, obj, v):  # "X described the charges against Y as a sham"
        return
    subj = ctx.subjects(v)
    ex = {a.actor.name for a in subj}
    judged = _what_was_done(ctx, v, obj) or ctx.args(obj, owner=True)
    ctx.emit(subj, [a for a in judged if a.actor.name not in ex],
              "criticises" if score < 0 else "praises", v, "evaluation", factor=0.8)


@rule("judgement.fear", pos="verb", order=190, when=lambda t, lem, pos: lem in ("fear", "worry") and pos == "VERB")
def fear_that(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X feared that Y's move could ...": a fear about what Y does is a stance on Y."""
    emotion_that(ctx, v, -1)


def emotion_that(ctx: Sentence, a: Token, sign: int) -> None:
    """ "X was disappointed that Y rejected the bill", "I am glad that Y won": how X feels about what Y
    did is X's stance on Y."""
    content = next((c for c in a.children if c.dep_ == "ccomp" and (a.pos_ == "VERB" and a.tag_ != "VBN" or any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children))), None)
    if content is None:
        return
    judged = ctx.args(next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None),
                       owner="source")
    if not judged:
        return
    if a.dep_ in ("acomp", "xcomp", "oprd") and a.head.i != a.i:
        holders = ctx.subjects(a.head)
    else:
        holders = ctx.args(next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None),
                            owner="source") or ctx.subjects(a)
    ex = {x.actor.name for x in holders}
    ctx.emit(holders, [x for x in judged if x.actor.name not in ex], "criticises" if sign < 0 else "praises", a,
              "evaluation", factor=0.8)


@rule("judgement.alleged", pos="verb", words="allege_verbs", order=180)
def alleged(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X alleged that Y proposed a deal behind his back", "X sued, alleging that Y spied on him": to
    allege something of Y is to accuse Y, whatever the act told."""
    content = next((c for c in v.children if c.dep_ == "ccomp"), None)
    if content is None or (lemma(v) == "charge" and any(c.dep_ == "dobj" for c in v.children)):
        return
    judged_tok = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    judged = ctx.args(judged_tok, owner="source")
    if not judged:
        return
    speakers = ctx.subjects(v)
    ex = {a.actor.name for a in speakers}
    ctx.emit(speakers, [a for a in judged if a.actor.name not in ex], "accuses", v, "evaluation", factor=0.8)


@rule("quote.speaker", pos="sentence", order=20,
      emits=("judgement.victim", "judgement.owned_wrong", "judgement.denied"))
def quoted_sentence(ctx: Sentence) -> None:
    """A sentence wholly inside a quotation whose speaker is named in a neighbouring sentence, or after
    the speaker's name and a colon ("Putin: Kyiv is lying"): the speaker judges the subject of each main
    clause as if it were said with a speech verb ("'They are lying to the country.'", "'Y's plan was a
    disaster.'", "'Y was behind the attack.'")."""
    speakers = ctx.speaker if ctx.quoted else ctx.colon_speaker()
    if speakers:
        for t in ctx.sent:
            if t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")):
                _judged_in(ctx, None, t, speakers)


@rule("judgement.legitimacy", pos="verb", order=100, when=lambda t, lem, pos: lem in ("have", "lack", "lose"))
def evaluation_verb(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X has no legitimacy", "X lacks legitimacy": judged by whoever says so."""
    if lem not in ("have", "lack", "lose"):
        return
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None or lemma(obj) not in LEGITIMACY:
        return
    if lem == "have" and not any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
        return
    judged = ctx.args(next((c for c in v.children if c.dep_ == "nsubj"), None))
    if not judged:
        return
    holders = ctx.holder(v, {a.actor.name for a in judged})
    blocked, hedge = ctx.blocked(v.head) if v.head.i != v.i else (False, 1.0)
    if blocked or ctx.question:
        return
    if any(c.dep_ == "neg" for c in v.children):
        return
    ctx.emit(holders, judged, "delegitimises", obj, "evaluation", hedge=hedge)


@rule("judgement.eval_noun", pos="any", words="eval_nouns", order=90, emits=("judgement.victim",))
def evaluation_noun(ctx: Sentence, n: Token, lem: str) -> None:
    """ "described IS as an enemy", "called him a liar", "IS presented a common enemy"."""
    sign, cue = EVAL_NOUNS[lem], n
    if n.dep_ in ("compound", "amod") and n.head.i > n.i and lemma(n.head) in EVAL_HEADS:
        n = n.head  # "labelled Y a terrorist group" (tagged noun or adjective): the head stands for it
    elif n.pos_ not in ("NOUN", "PROPN"):
        return
    if any(c.dep_ == "det" and c.lower_ == "no" for c in n.children):
        return  # "Y is no liar": a denied judgement (judgement.denied)
    judged: list[Arg] = []
    gov = None
    if n.dep_ == "pobj" and n.head.lower_ == "as":
        g = n.head.head
        if g.dep_ == "dobj" and g.head.pos_ == "VERB":
            judged, gov = ctx.args(g), g.head
        elif g.pos_ == "VERB":
            judged, gov = ctx.args(next((c for c in g.children if c.dep_ == "dobj"), None)), g
    elif n.dep_ == "ccomp" and n.head.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in n.children) \
            and not any(c.pos_ in ("AUX", "VERB") for c in n.children):
        # "X considers Y a threat", parsed as a verbless clause with Y as its subject
        judged, gov = ctx.args(next(c for c in n.children if c.dep_ == "nsubj")), n.head
    elif (n.dep_ == "appos" or n.dep_ == "dobj" and n.head.pos_ in ("NOUN", "PROPN")) \
            and n.head.dep_ in ("dative", "dobj") and n.head.head.pos_ == "VERB":
        # "branded Y an enemy" parsed with the predicate as Y's apposition, or as an object of Y itself
        # (the naming verb is checked below)
        judged, gov = ctx.args(n.head), n.head.head
    elif n.dep_ == "dobj" and n.head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.i < n.i for c in n.head.children):
        # "branded Y a liar" parsed with two objects: the first is the one judged
        gov = n.head
        judged = ctx.args(next(c for c in gov.children if c.dep_ == "dobj" and c.i < n.i), owner=True)
    elif n.dep_ in ("oprd", "xcomp") and n.head.pos_ == "VERB":
        gov = n.head
        # "called X's push for a vote a disgrace": X is judged; "called the charges against X a disgrace":
        # X is defended
        obj = next((c for c in gov.children if c.dep_ == "dobj"), None) or next(
            (c for c in gov.children if c.dep_ == "oprd" and c.i < n.i), None)  # ('called Y "a liar"': two oprd)
        if obj is not None and sign < 0 and lemma(gov) in CALL_VERBS and _defended(ctx, gov, obj, cue):
            return
        judged = ctx.args(obj, owner=True)
    elif n.dep_ in ("dobj", "oprd", "attr") and n.head.pos_ == "VERB" and _passive_label(n):
        # "Y was designated a terrorist group by X" ("by X" parsed on the verb or on the noun)
        gov = n.head
        judged = ctx.args(_passive_subject(gov))  # (also "Y, which was designated ...")
        holders = ctx.args(_agent(gov), owner="source")
        ctx.emit(holders, judged, "opposes" if sign < 0 else "supports", cue, "evaluation", check=gov)
        return
    elif n.dep_ in ("attr", "dobj") and n.head.pos_ in ("AUX", "VERB") and lemma(n.head) in (
            "be", "present", "pose", "represent", "constitute", "remain", "become"):
        judged = ctx.args(next((c for c in n.head.children if c.dep_ == "nsubj"), None))
        if not judged:
            judged = ctx.subjects(n.head)
        gov = n.head
        if judged:
            ex = {a.actor.name for a in judged}
            holders = ctx.holder(gov, ex)
            if holders:
                ctx.emit(holders, judged, "opposes" if sign < 0 else "supports", cue, "evaluation",
                          check=gov)
            return
    if not judged or gov is None:
        return
    if lemma(gov) not in LABEL_VERBS:
        return
    holders = ctx.subjects(gov)
    ctx.emit(holders, judged, "opposes" if sign < 0 else "supports", cue, "evaluation", check=gov)


@rule("judgement.eval_adj", pos="adj", words="eval_adjs", order=30)
def evaluation_adj(ctx: Sentence, a: Token, lem: str) -> None:
    """ "a regime he calls illegitimate", "X is illegitimate, the US said"."""
    judged: list[Arg] = []
    if a.dep_ == "amod":
        judged = ctx.args(a.head)
        anchor = a.head
    elif a.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
        anchor = a.head
        if a.dep_ == "oprd" or (a.dep_ in ("ccomp", "xcomp") and lemma(a.head) != "be"):
            # "called Mali's government illegitimate"; "called Mali illegitimate" may make Mali the adjective's
            obj = next((c for c in a.head.children if c.dep_ == "dobj" or c.dep_ == "oprd" and c.i < a.i), None) \
                or next((c for c in a.children if c.dep_ in ("compound", "nmod", "npadvmod") and c.i < a.i), None)
            judged = ctx.args(obj, owner=True)
        else:
            judged = ctx.args(next((c for c in a.head.children if c.dep_ == "nsubj"), None))
    else:
        return
    if not judged:
        return
    ex = {x.actor.name for x in judged}
    holders = [h for h in ctx.subjects(anchor) if h.actor.name not in ex] if a.dep_ == "oprd" and lemma(
        anchor) in CALL_VERBS else []  # "France called Mali illegitimate": the caller
    holders = holders or ctx.holder(anchor, ex)
    # only a judgement somebody voiced counts: the holder must be a speaker/caller
    ctx.emit(holders, judged, "delegitimises" if a.lower_ == "illegitimate" else "criticises", a,
              "evaluation", check=anchor)


def _harm(n: Token) -> bool:
    """A harm one can be behind: "the bombing", "the attacks", "war crimes", "the corruption"."""
    lem = lemma(n)
    if lem in HARM_NOUNS or n.lower_ in HARM_NOUNS or _wrong(n):
        return True
    return "attacks" in (NOUN_CUES.get(lem) or NOUN_CUES.get(n.lower_) or {}).values()


def _harms_under(t: Token, preps: tuple[str, ...]) -> bool:
    return any(_harm(o) for c in t.children if c.dep_ == "prep" and c.lower_ in preps
               for o in c.children if o.dep_ == "pobj")


def _answerable(content: Token) -> bool:
    """Does the clause make its subject answerable for a harm ("Y was behind the bombing", "Y is
    responsible for / bears responsibility for the attack") or to blame ("Y is to blame")?"""
    to_blame = [c for c in content.children if lemma(content) == "be" and c.dep_ == "xcomp" and lemma(c) == "blame"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if to_blame:  # ("not to blame": the "not" hangs on "blame", where _negated does not look)
        return not any(a.dep_ == "neg" for a in to_blame[0].children)
    preds = [content, *(c for c in content.children if c.dep_ in ("acomp", "attr")
                        or (c.dep_ == "dobj" and lemma(c) == "responsibility"))]
    return any((lemma(p) in BLAME_ADJS or lemma(p) == "responsibility") and _harms_under(p, ("for",))
               or _harms_under(p, ("behind",)) for p in preds)


def held_responsible(ctx: Sentence, v: Token) -> None:
    """ "X holds / deems Y responsible (for the attack)": finding someone answerable for a harm accuses
    them (not "found Y responsible for the recovery": only harms count)."""
    if _negated(v):
        return
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    preds = [c for h in (v, obj) if h is not None for c in h.children
             if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "amod", "advcl")]
    if obj is None:  # "holds [Y responsible]" parsed as a small clause
        obj = next((g for p in preds if lemma(p) in BLAME_ADJS for g in p.children if g.dep_ == "nsubj"), None)
    fors = [c for h in (v, *preds) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"]
    if fors and not any(_harms_under(h, ("for",)) for h in (v, *preds)):
        return  # "found Y responsible for the recovery"
    if obj is not None and any(lemma(p) in BLAME_ADJS and not _negated(p) for p in preds):
        judged = ctx.args(obj)
        ctx.emit(ctx.takers(v, avoid={a.actor.name for a in judged}), judged, "accuses", v, "evaluation",
                 factor=0.8)


@rule("judgement.allegation", pos="noun", words="allegation_nouns", match="lemma|lower", order=96)
def allegation(ctx: Sentence, n: Token, lem: str) -> None:
    """ "X's accusation that Y armed the rebels", "X made / repeated the allegation that Y lied": the one who
    makes the allegation accuses the subject of its clause (not "X denied / reported / looked into
    allegations that Y lied": whose allegation that is, is not said)."""
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")
                   and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    accused = ctx.args(next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)) if clause else []
    if not accused:
        return
    owners, gov, explicit = ctx._noun_owner(n, accused, "accuses")
    if not explicit and (gov is None or n.dep_ != "dobj" or lemma(gov) not in ALLEGING_VERBS):
        return  # "denied / investigated / reported allegations that ...": whose allegation is not said
    ex = {a.actor.name for a in owners}
    ctx.emit(owners, [a for a in accused if a.actor.name not in ex], "accuses", n, "noun", factor=0.8)
