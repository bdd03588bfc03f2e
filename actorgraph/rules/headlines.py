"""Sentences the parser defeats: "Trump endorsed Kobach, Kansas' secretary of state" parsed as one noun
phrase, so the verb rules never see a verb. Read on the surface: an actor, a cue verb, an actor.

(A title-case headline rule on the same reading was tried and dropped: it never fired on the visible
sets, because the tagger swallows the headline's verb into the name before it: "Mark Dobbs Slams".)"""
from __future__ import annotations

from spacy.tokens import Token

from .context import Sentence
from .registry import rule
from .vocab import HEDGE_MODALS, NEG_ADVERBS, VERB_CUES

#: Words that make a headline a question, a condition or a denial: it then states nothing.
UNASSERTED = frozenset({"if", "whether", "unless", "could", "would", "will", "should", "may", "might", "can",
                        "does", "did", "do", "is", "are", "was", "were", "why", "how", "what", "who", "not",
                        "no", "never", "won't", "doesn't", "didn't", "isn't", "wo", "n't"})


def _title_case(words: list[Token]) -> bool:
    """Most words capitalised: a headline in title case, not a sentence."""
    alpha = [t for t in words if t.is_alpha and len(t) > 3]
    return len(alpha) >= 2 and sum(t.text[0].isupper() for t in alpha) >= 0.8 * len(alpha)


def _verb_forms(word: str) -> list[str]:
    """The lemmas a third-person or past form may come from ("Slams" -> slam, "Backed" -> back)."""
    w = word.lower()
    out = [w]
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s"):
        out.append(w[:-1])
    if w.endswith("ed"):
        out += [w[:-2], w[:-1], w[:-3]]
    return out


@rule("surface.verbless", pos="sentence", order=31)
def verbless_parse(ctx: Sentence) -> None:
    """ "Trump endorsed Kobach, Kansas' secretary of state": a sentence the parser left without a verb
    (the cue tagged as an adjective of a noun root) is read on the surface the same way."""
    words = [t for t in ctx.sent if not t.is_space]
    root = next((t for t in ctx.sent if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ in ("VERB", "AUX") or _title_case(words):
        return
    _surface(ctx, words)


def _surface(ctx: Sentence, words: list[Token]) -> None:
    """An actor opening the line, a verb cue with an object slot, an actor: the first such triple."""
    if ctx.question or any(t.lower_ in UNASSERTED or t.lower_ in NEG_ADVERBS or t.lower_ in HEDGE_MODALS
                           for t in words):
        return
    for t in words[1:-1]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "nmod"):
            continue  # parsed as a verb of a clause: the verb rules read it
        rel = next((VERB_CUES[f]["obj"] for f in _verb_forms(t.text) if "obj" in VERB_CUES.get(f, {})), None)
        if rel is None or t.i + 1 >= ctx.sent.end:
            continue
        # (a title word may stand before the name: "Slams Governor Ann Lowe")
        left = ctx.index.mention_at(t.i - 1)
        right = ctx.index.mention_at(t.i + 1) or (ctx.index.mention_at(t.i + 2) if t.i + 2 < ctx.sent.end else None)
        if left is None or right is None or not left.actors or not right.actors or left.end != t.i \
                or right.start not in (t.i + 1, t.i + 2) or left.start > words[0].i + 1:
            continue  # (the name must open the line: "Vote To End U.S. Support For Y" has no subject)
        src, tgt = ctx._mention_args(left), ctx._mention_args(right)
        ctx.emit([a for a in src if a.actor.name not in {b.actor.name for b in tgt}], tgt, rel, t, "verb",
                 factor=0.85, hedge=1.0)
        return
