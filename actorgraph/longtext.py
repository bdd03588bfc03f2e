"""Articles longer than spaCy's ``max_length``, parsed in paragraph-aligned pieces.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) with an error that
would stop the whole run, and its parser needs about 1 GB per 100,000 characters. An
article whose parsed text is over the limit is cut at paragraph breaks (at a sentence
end or a space when one paragraph alone is too long) into pieces of at most
``PIECE`` characters. Each piece is parsed as its own Doc; its statements get the
whole article's title, offsets into the whole text (``article.text[start:end] ==
quote`` still holds) and sentence numbers counted from the article's first sentence.
Only the first piece carries the headline. A pronoun at the top of a piece cannot
reach back into the piece before it: that is the price of parsing at all.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from spacy.tokens import Doc

from .records import Article, Statement

PIECE = 100_000  # characters per piece: bounded memory, far under max_length


@dataclass(frozen=True)
class Piece(Article):
    """A slice of a long article, parsed as an article of its own."""

    whole: Article | None = None
    offset: int = 0  # where this piece's text starts in whole.text
    last: bool = True
    counter: list = field(default_factory=lambda: [0], compare=False, repr=False)  # body sentences before it


def _cut(text: str, start: int, size: int) -> int:
    """End of the piece from ``start``: the last paragraph break, sentence end or space that fits."""
    limit = start + size
    if limit >= len(text):
        return len(text)
    for pattern in (r"\n\n", r"[.!?][\"'”’)]*\s", r"\s"):
        ends = [m.end() for m in re.finditer(pattern, text[start + size // 4:limit])]
        if ends:
            return start + size // 4 + ends[-1]
    return limit


def spans(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of each piece; pieces cover the text and end on a break where they can."""
    out, start = [], 0
    while start < len(text):
        end = _cut(text, start, size)
        out.append((start, end))
        start = end
    return out


def fits(article: Article, max_length: int) -> bool:
    """True when the article's parsed text (title, blank line, body) is within ``max_length``."""
    return len(article.title) + 2 + len(article.text) <= max_length  # without building the text


def pieces(articles: Iterable[Article], max_length: int) -> Iterator[Article]:
    """The articles, each long one replaced by its pieces in order."""
    for a in articles:
        if fits(a, max_length):
            yield a
            continue
        size = max(1, min(PIECE, max_length) - len(a.title) - 2)
        cuts = spans(a.text, size)
        counter = [0]
        for i, (s, e) in enumerate(cuts):
            text = a.text[s:e].rstrip()  # the break belongs to neither piece, as to no sentence
            yield Piece(id=a.id, title=a.title if i == 0 else "", text=text, date=a.date, path=a.path,
                        url=a.url, whole=a, offset=s, last=i == len(cuts) - 1, counter=counter)


def whole(statements: list[Statement], doc: Doc, article: Article) -> list[Statement]:
    """The statements of a piece placed in the whole article; other articles' unchanged."""
    if not isinstance(article, Piece) or article.whole is None:
        return statements
    from .statements import _sentence_bounds

    body = len(doc.text) - len(article.text)
    before = article.counter[0]
    out = []
    for s in statements:
        if s.sentence_index >= 0:
            s = dataclasses.replace(s, start=s.start + article.offset, end=s.end + article.offset,
                                    sentence_index=s.sentence_index + before)
        out.append(dataclasses.replace(s, title=article.whole.title))
    article.counter[0] += sum(1 for start, _ in _sentence_bounds(doc) if start >= body)
    return out
