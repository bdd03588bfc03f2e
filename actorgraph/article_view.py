"""An article's full text with each statement's quote, actors and cue word highlighted.

The reader checks a quote in its context and picks a sentence to add a statement on.
Article text is data: every character of it goes through ``html.escape``, and the
only markup is the ``<mark>``/``<p>`` this module writes itself.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Iterable

#: Highlight kinds, innermost wins where spans overlap.
KINDS = ("quote", "actor", "cue")
STYLES = {
    "quote": "background:#fff3bf;",
    "actor": "background:#c5e1ff;font-weight:600;",
    "cue": "background:#ffc9c9;font-weight:600;",
}
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*(?=\s)|\n")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets (ends at . ! ? before a space, and at line breaks), trimmed."""
    out: list[Sentence] = []
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.end() if m else len(text)
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(len(out), s, e, text[s:e]))
        start = end
    return out


def _find(quote: str, word: str) -> int:
    if not word:
        return -1
    at = quote.find(word)
    return at if at >= 0 else quote.lower().find(word.lower())


def statement_spans(statements: Iterable[dict[str, Any]], *, headline: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, kind) spans for the statements' quotes, mentions and cues.

    ``headline`` picks the statements found in the title (offsets into the title),
    else those of the body.
    """
    spans: list[tuple[int, int, str]] = []
    for s in statements:
        if (int(s["sentence_index"]) == -1) != headline:
            continue
        start, end, quote = int(s["start"]), int(s["end"]), s["quote"]
        spans.append((start, end, "quote"))
        for word, kind in ((s.get("source_mention"), "actor"), (s.get("target_mention"), "actor"), (s.get("cue"), "cue")):
            at = _find(quote, word or "")
            if at >= 0:
                spans.append((start + at, start + at + len(word), kind))
    return spans


def _segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """Text cut at every span boundary, each piece with its innermost kind."""
    cuts = sorted({0, len(text), *(p for s, e, _ in spans for p in (s, e) if 0 <= p <= len(text))})
    rank = {k: i for i, k in enumerate(KINDS)}
    out = []
    for a, b in zip(cuts, cuts[1:]):
        kinds = [k for s, e, k in spans if s <= a and b <= e]
        out.append((text[a:b], max(kinds, key=rank.__getitem__) if kinds else None))
    return out


def highlight_html(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Escaped text with ``<mark>`` around the spans; paragraphs (blank lines) as ``<p>``."""
    parts = []
    for piece, kind in _segments(text, spans):
        esc = html.escape(piece, quote=True).replace("\n\n", "</p><p>").replace("\n", "<br>")
        parts.append(f'<mark class="ag-{kind}" style="{STYLES[kind]}">{esc}</mark>' if kind else esc)
    return "<p>" + "".join(parts) + "</p>"


def article_html(title: str, text: str, statements: list[dict[str, Any]]) -> str:
    """The article as one block of HTML: highlighted title and body, and a key to the colours."""
    key = " ".join(f'<mark style="{STYLES[k]}">{label}</mark>'
                   for k, label in (("quote", "quote"), ("actor", "actor"), ("cue", "cue word")))  # fmt: skip
    head = highlight_html(title, statement_spans(statements, headline=True))[3:-4]
    body = highlight_html(text, statement_spans(statements))
    return (f'<div class="ag-article"><h4>{head}</h4><div style="font-size:0.8em">{key}</div>'
            f'<div style="line-height:1.6">{body}</div></div>')  # fmt: skip
