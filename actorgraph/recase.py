"""Title-case headlines put back in sentence case before they are parsed.

"Kenya Backs Uganda Over Border Dispute" is read by the tagger and NER as one long
name ("Kenya Backs Uganda") followed by a noun phrase; the same words in sentence case
("Kenya backs Uganda over border dispute") parse as a verb with its subject and object.
Wire headlines of many decades and regions are written in title case, and the headline
carries an article's main stance more often than any other sentence.

A capitalised word of such a headline (not the first word, not an acronym) is written
in lower case unless it looks like a name: the article's own body capitalises it inside a
sentence more often than it writes it in lower case, or the body never writes it at all and
it is a known actor's one-word name (gazetteer) or part of a known name written whole in the headline. Headline names are nearly always repeated in the body; the words around them
("Backs", "Over", "Border", "Dispute") are not capitalised there.
Only letters change case, so every offset into the title stays exact; statements quote
the title as written.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")
#: a capitalised word after one of these (or at the start of a line) opens a sentence
_OPENERS = set(".!?:\"\u201c\u2018'(\n")


def title_case(title: str) -> bool:
    """Is the headline in title case: >= 3 words of 4+ letters, 80 % capitalised, or (a short one, "Jeb Would
    Beat Her") every one of >= 3 words of 3+ letters capitalised?"""
    words = [w for w in _WORD.findall(title) if len(w) >= 4]
    caps = sum(1 for w in words if w[0].isupper())
    short = [w for w in _WORD.findall(title) if len(w) >= 3]
    return (caps >= 3 and caps >= 0.8 * len(words)) or (len(short) >= 3 and all(w[0].isupper() for w in short))


def _bare(w: str) -> str:
    """The word without a possessive ("Obama's" -> "Obama")."""
    return w[:-2] if w[-2:] in ("'s", "\u2019s") else w


def _body_cases(body: str) -> tuple[Counter, Counter]:
    """How often the body writes each word in lower case, and capitalised inside a sentence."""
    lower: Counter = Counter()
    inner: Counter = Counter()
    for m in _WORD.finditer(body):
        w = _bare(m.group())
        if w[0].islower():
            lower[w] += 1
            continue
        i = m.start() - 1
        while i >= 0 and body[i] in " \t":
            i -= 1
        if i >= 0 and body[i] not in _OPENERS:
            inner[w.lower()] += 1
    return lower, inner


@functools.lru_cache(maxsize=1)
def _known_names() -> tuple[frozenset[str], frozenset[str]]:
    """A known actor's one-word names, aliases, metonyms and demonyms ("Kenya", "Hamas"), and its names of
    several words in lower case ("world trade organization"): a word of the second kind is a name only
    where the whole name stands (a headline's "Trade" or "Border" alone is an ordinary word)."""
    from .gazetteer import DEFAULT_GAZETTEER, Gazetteer

    single: set[str] = set()
    longer: set[str] = set()
    for e in Gazetteer.read_csv(DEFAULT_GAZETTEER).entries.values():
        for name in (e.name, *e.aliases, *e.metonyms, *e.demonyms):
            words = [w.lower() for w in _WORD.findall(name)]
            if len(words) == 1:
                single.add(words[0])
            elif words:
                longer.add(" ".join(words))
    return frozenset(single), frozenset(longer)


@functools.lru_cache(maxsize=1)
def _longest_known() -> int:
    """Words in the longest known name of several words (no run of a title longer than that is looked up)."""
    return max((name.count(" ") + 1 for name in _known_names()[1]), default=2)


def _named_in_title(title: str) -> set[int]:
    """Start offsets of the title's words that belong to a known name of several words written there (each run
    of words looked up in a set, not each name searched for)."""
    words = list(_WORD.finditer(title))
    low = [w.group().lower() for w in words]
    longer = _known_names()[1]
    most = _longest_known()
    out: set[int] = set()
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + most) + 1):
            if " ".join(low[i:j]) in longer:
                out.update(w.start() for w in words[i:j])
    return out


def _name_like(low: str, lower: Counter, inner: Counter, in_name: bool = False) -> bool | None:
    """True for a name, False for an ordinary word, None when only its neighbour can tell."""
    if inner[low] > lower[low]:
        return True  # the body capitalises it inside a sentence more often than not: "May", "Bush"
    if lower[low] or low in STOP_WORDS:
        return False  # "fake" in "Fake Trump" when the body also says "the fake news"
    return True if in_name or low in _known_names()[0] else None


def recase(title: str, body: str) -> str:
    """The headline in sentence case when it is in title case (same length), else unchanged.

    A word the body lacks keeps its capital only before a name that the body writes after it
    ("Gov. John Hickenlooper"): a given name."""
    if not title_case(title):
        return title
    lower, inner = _body_cases(body)
    words = list(_WORD.finditer(title))
    in_names = _named_in_title(title)
    verdict: list[bool | None] = []
    for k, m in enumerate(words):
        w = m.group()
        before = title[:m.start()].rstrip()
        # a new sentence: after "?", "!", ":" or a full stop that ends a word ("tariffs."; not "Dept.", "U.S.")
        opener = k == 0 or before[-1:] in "?!:" or (before[-1:] == "." and bool(re.search(r"[a-z]{5}\.$", before)))
        if opener or not w[0].isupper() or (len(w) > 1 and w[1:].lower() != w[1:]):
            verdict.append(True)  # a sentence start, lower case already, or an acronym ("US", "McCain")
        else:
            verdict.append(_name_like(_bare(w).lower(), lower, inner, m.start() in in_names))
    chars = list(title)
    for k in range(len(words) - 1, -1, -1):
        if verdict[k] is None:  # a given name before a name keeps its capital
            nxt = words[k + 1] if k + 1 < len(words) else None
            verdict[k] = bool(nxt and verdict[k + 1] and f"{words[k].group()} {_bare(nxt.group())}" in body)
        if not verdict[k]:
            chars[words[k].start()] = words[k].group()[0].lower()
    return "".join(chars)
