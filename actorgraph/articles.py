"""Reading articles from text, Markdown, HTML and table files into ``Article`` records.

Choices the rest of the pipeline relies on:

* ``Article.text`` is the cleaned body we keep, and statement offsets index into it. It
  never contains the title. Newlines are unified, spaces trimmed, non-breaking and
  zero-width spaces cleaned, and every paragraph is separated by exactly one blank line.
* Paragraphs keep their words exactly; nothing is added. A subheading (a short line without
  closing punctuation) stays a paragraph of its own, and the extraction pipeline starts a new
  sentence after every line break (``statements.line_breaks``), so a subheading such as
  ``Lavrov presents "Putin's Plan"`` is never merged into the next sentence and quotes stay
  word for word what the article says.
* Hard-wrapped plain text (many lines of at most 100 characters that stop in mid-sentence)
  is rejoined into paragraphs. A short line in such text is left alone: it ends a
  paragraph or is a subheading. Markdown follows CommonMark: lines in one block are joined.
* Title: the first non-empty line (with Markdown ``#`` and emphasis removed). A first line
  longer than 200 characters is body text, not a headline; the title is then taken from
  the file name, or from the first words. A file with only one short line is a headline-only
  article: that line is both its title and its text.
* Date (plain text and Markdown): a date on a line of its own just after the title (or just
  before it), or glued to the first sentence, as in ``August 8, 2015On Friday, ...``. Recognised forms:
  ``August 8, 2015``, ``Aug. 8, 2015``, ``Friday, 8 August 2015``, ``8th of August 2015``,
  ``2015-08-08`` (also ``/`` or ``.``), ``08.08.2015`` (day first), and an optional
  ``Published:``/``Updated:`` prefix or time. A month and year alone (``June 2024``) gives
  the first of the month (``2024-06-01``): we keep one date format, YYYY-MM-DD, because
  consumers sort and filter on it. Slashed day/month dates such as ``08/09/2015`` are
  ambiguous, so a plain-text dateline in that form is not read as a date. Table cells and
  front matter go through dateutil (month first). Pandas epoch numbers are accepted.
* HTML: trafilatura extracts the main text, title, date (publication date preferred) and
  canonical URL from the string. Nothing is fetched.
* Tables (CSV/TSV, JSON, JSONL): one article per row. Columns are matched case-insensitively
  (``text``/``body``/``content``/``article``/``story``, ``title``/``headline``,
  ``date``/``published``..., ``url``/``link``). Rows are numbered from 1 without the header
  (``row N``). JSONL counts physical lines (``line N``). A bad row is reported and skipped.
* Folders are read recursively in sorted order. Hidden files and folders are skipped. Files
  with unknown suffixes are skipped silently (a corpus folder holds images, PDFs, notes). With
  a forced ``fmt``, every non-hidden file in a folder is read as that format.
* An article whose id (hash of its text) was already loaded in the same ``read_articles``
  call is dropped, the first one kept, with a warning naming both (not for the same source read twice).
* Encodings: BOMs (UTF-8/16/32) first, then strict UTF-8, then (for HTML) a declared
  ``<meta charset>``, then Windows-1252 (the superset of Latin-1) when the text reads as
  Western European words, else charset-normalizer's guess. When Windows-1252 and
  charset-normalizer disagree the file is read and a warning names it.
* Only regular files are read: a FIFO, socket or device in a folder is reported and
  skipped (opening it would hang). HTML over ``ACTORGRAPH_MAX_HTML_MB`` (default 5) is
  refused with one line. A NUL byte rejects a text/Markdown/HTML file but only its row
  in a table; an over-deep JSONL line only its line; a CSV quote that is never closed is
  reported and the rows it swallowed are read again (``csvrows``). A text cell holding
  an object is an error for its row.

Row-level problems in ``read_file``/``read_bytes`` go into the optional ``errors`` list
(else they are logged). A file that yields no article raises ``ArticleError``.
"""
from __future__ import annotations

import codecs
import json
import logging
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from datetime import date as _date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from .csvrows import csv_rows
from .paths import printable
from .records import Article, text_id

log = logging.getLogger(__name__)

#: File suffix (lower case, with the dot) -> input format.
SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
FORMATS = ("txt", "md", "html", "csv", "json", "jsonl", "parquet")

TEXT_KEYS = ("text", "body", "content", "article", "story", "full_text", "fulltext", "maintext",
             "article_text", "article_body", "articlebody")
TITLE_KEYS = ("title", "headline", "heading", "header", "subject")
DATE_KEYS = ("date", "published", "published_at", "publish_date", "published_date", "date_published",
             "publication_date", "pubdate", "datetime", "timestamp", "created_at", "time")
URL_KEYS = ("url", "link", "href", "uri", "source_url", "permalink")

MAX_TITLE = 200  # a longer first line is body text, not a headline


@dataclass(frozen=True)
class LoadError:
    path: str  # file as given
    reason: str  # one line, e.g. "row 3: empty text"

    def __str__(self) -> str:
        return printable(f"{self.path}: {self.reason}")


@dataclass
class LoadResult:
    articles: list[Article]
    errors: list[LoadError]
    warnings: list[LoadError] = field(default_factory=list)  # read, but check it (an encoding guess)


class ArticleError(ValueError):
    """A file (or uploaded blob) that yields no article; the message is one line."""


# --------------------------------------------------------------------------- dates

_MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in names}
_MON = r"(?P<mon>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)(?!\d)"
_WEEKDAY = r"(?:(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|nesday|rsday|urday|sday)?\.?,?\s+)?"
_PREFIX = r"(?:(?i:published|updated|posted|date|dated|last\s+updated)(?:\s+(?i:on))?\s*:?\s*)?"
_TIME = (r"(?:(?:T|,?\s*(?:(?i:at)\s+)?)\d{1,2}[:.]\d{2}(?!\d)(?::\d{2}(?:\.\d+)?)?"
         r"(?:\s*(?i:[ap]\.?m\.?))?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|\(?[A-Z]{2,4}\)?(?![a-z])))?)?")
_DATE_FORMS = [
    _MON + r"\s+(?P<day>\d{1,2})" + _ORD + r",?\s+" + _YEAR,
    r"(?P<day>\d{1,2})" + _ORD + r"\s+(?:(?i:of)\s+)?" + _MON + r",?\s+" + _YEAR,
    _YEAR + r"(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)",
    r"(?P<day>\d{1,2})\.(?P<m>\d{1,2})\." + _YEAR,
    _MON + r",?\s+" + _YEAR,
]
_DATE_RES = [re.compile(r"\s*" + _PREFIX + _WEEKDAY + form + _TIME) for form in _DATE_FORMS]
_DATE_SEP = re.compile(r"\s*[—–\-|:•·/]+\s*|\s+")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _date(year, month, day).isoformat()
    except ValueError:
        return None


def _match_date(line: str) -> tuple[str, int] | None:
    """A date at the start of ``line``: (ISO date, end offset)."""
    for rx in _DATE_RES:
        m = rx.match(line)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else _MONTHS[g["mon"].lower()]
        iso = _iso(int(g["year"]), month, int(g["day"]) if g.get("day") else 1)
        if iso:
            return iso, m.end()
    return None


def _date_line(line: str) -> str | None:
    """The date when ``line`` holds nothing but a date."""
    found = _match_date(line)
    if found and not line[found[1]:].strip(" \t,.;:|-—–()[]"):
        return found[0]
    return None


def _leading_date(line: str) -> tuple[str, str] | None:
    """A dateline that opens the first paragraph: (ISO date, rest of the line).

    Only taken when the date is glued to the text, set off by a dash/colon/bar, or followed
    by a capital letter or quote; "August 2015 was hot." keeps its date.
    """
    found = _match_date(line)
    if not found:
        return None
    iso, end = found
    rest = line[end:]
    sep = _DATE_SEP.match(rest)
    after = rest[sep.end():] if sep else rest
    if not after.strip():
        return iso, ""
    if sep and sep.group().strip() or re.match(r"[\"'“‘«(\[]?[A-Z]", after):
        return iso, after
    return None


def parse_date(value: Any) -> str | None:
    """ISO date (YYYY-MM-DD) from a table cell or metadata value, or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if value != value:  # NaN
            return None
        seconds = value / 1000 if value >= 1e11 else value  # pandas writes epoch milliseconds
        if 1e8 <= seconds < 5e9:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        return None
    if isinstance(value, (datetime, _date)):
        return value.strftime("%Y-%m-%d")
    s = str(value).strip()
    if not s:
        return None
    found = _date_line(s)
    if found:
        return found
    if not re.search(r"(?<!\d)(1[89]|20|21)\d\d(?!\d)|^\d{8}$", s):
        return None  # dateutil would fill a missing year with this year
    from dateutil import parser as dateparser

    try:
        return dateparser.parse(s, default=datetime(2000, 1, 1)).date().isoformat()
    except (ValueError, OverflowError):
        return None


# ---------------------------------------------------------------------- text layout

_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CLOSED = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_RULE = re.compile(r"^\s*(?:([-*_=])\s*)(?:\1\s*){2,}$")


def _clean_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    return [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _hard_wrapped(lines: list[str]) -> bool:
    """Plain text wrapped at a fixed width (40-100 columns): most lines stop in mid-sentence near it."""
    lines = [x for x in lines if x]
    if len(lines) < 3:
        return False
    width = max(map(len, lines))
    cut = sum(1 for x in lines[:-1] if len(x) >= 0.6 * width and not _CLOSED.search(x))
    return 40 <= width <= 100 and cut >= 0.5 * (len(lines) - 1)


def _layout(lines: list[str], soft_wrap: bool) -> str:
    """Paragraphs separated by one blank line, their words unchanged."""
    paragraphs: list[str] = []
    for block in _blocks(lines):
        width = max(map(len, block))
        para = block[0]
        for prev, line in zip(block, block[1:]):
            if soft_wrap and (len(prev) >= 0.6 * width or line[:1].islower()):
                para += line if para.endswith("-") and para[-2:-1].isalpha() else " " + line
            else:
                paragraphs.append(para)
                para = line
        paragraphs.append(para)
    return "\n\n".join(paragraphs)


def _title_text(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def _fallback_title(body: str, path: str | None) -> str:
    if path and path != "-":
        stem = re.sub(r"[_\-]+", " ", Path(path).stem).strip()
        if stem:
            return stem
    words = body[:80].split()
    return " ".join(words[:-1] if len(body) > 80 and len(words) > 1 else words) + ("…" if len(body) > 80 else "")


# ------------------------------------------------------------------------ markdown

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
]


def _md_inline(s: str) -> str:
    for rx, repl in _MD_INLINE:
        s = rx.sub(repl, s)
    return s


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-style ``---`` front matter as flat ``key: value`` pairs, and the rest."""
    m = re.match(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", text, re.S)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        kv = re.match(r"\s*([A-Za-z_][\w\-]*)\s*:\s*(.*?)\s*$", line)
        if kv and kv.group(2):
            meta[kv.group(1).lower()] = kv.group(2).strip("\"'")
    return meta, text[m.end():]


def _markdown_lines(text: str) -> list[str]:
    """Plain lines from Markdown; headings and list items become blocks of their own."""
    out: list[str] = []
    fence = False
    for line in _clean_lines(text):
        if line.startswith(("```", "~~~")):
            fence = not fence
            out.append("")
            continue
        if fence:
            out.append(line)
            continue
        if _RULE.match(line):  # horizontal rule or setext underline
            out.append("")
            continue
        if re.match(r"^\[[^\]]+\]:\s+\S+", line):  # link reference definition
            continue
        line = re.sub(r"^(?:>\s?)+", "", line)
        heading = _MD_HEADING.match(line)
        item = _MD_ITEM.match(line)
        if heading or item:
            line = heading.group(1) if heading else line[item.end():]
            out.extend(["", _md_inline(line).strip(), ""])
        else:
            out.append(_md_inline(line).strip())
    return out


# ---------------------------------------------------------------------- plain text

def parse_text(text: str, path: str | None = None, url: str | None = None, *, markdown: bool = False) -> Article:
    """An article from plain text (or Markdown): title, date and cleaned body."""
    meta: dict[str, str] = {}
    if markdown:
        meta, text = _front_matter(text.lstrip("\ufeff"))
        lines = _markdown_lines(text)
    else:
        lines = _clean_lines(text)
    idx = [i for i, line in enumerate(lines) if line]
    if not idx:
        raise ArticleError("empty text")
    date = parse_date(meta.get("date") or meta.get("published"))
    url = url or meta.get("url") or meta.get("link") or None

    # a date line before the title
    first = idx[0]
    if len(idx) > 1:
        found = _date_line(lines[first])
        if found:
            date = date or found
            lines[first] = ""
            idx.pop(0)
            first = idx[0]

    title = _title_text(meta.get("title", ""))
    if title:
        if _title_text(lines[first]) == title:
            lines[first] = ""
            idx.pop(0)
    elif len(lines[first]) <= MAX_TITLE:
        title = _title_text(lines[first])
        lines[first] = ""
        idx.pop(0)

    # the date just after the title: on its own line (maybe after a byline) or glued on
    if idx:
        lead = _leading_date(lines[idx[0]])
        if lead:
            date = date or lead[0]
            lines[idx[0]] = lead[1]
            k = 1
            while k < len(idx) and _date_line(lines[idx[k]]):  # "Updated ..." after "Published ..."
                lines[idx[k]] = ""
                k += 1
        else:
            for i in idx[1:3]:
                found = _date_line(lines[i])
                if found:
                    date = date or found
                    lines[i] = ""
                    break

    body = _layout(lines, soft_wrap=markdown or _hard_wrapped(lines))
    if not body:
        if not title:
            raise ArticleError("empty text")
        body = title  # a headline-only article
    if not title:
        title = _fallback_title(body, path)
    return Article(id=text_id(body), title=title, text=body, date=date, path=path, url=url)


# --------------------------------------------------------------------------- decoding

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


_WESTERN_GUESSES = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "ascii"}


_WESTERN_MARKS = set("‘’‚“”„–—…•€«»‹›°§©®™·¡¿\u00a0")


def _western(text: str) -> bool:
    """Accented letters here and there ("Genève", "près") and typographic marks, as Western
    European text has.

    Cyrillic or Greek read as Windows-1252 is almost all accented letters, Central
    European text gives symbols inside words ("Wa³êsa"): both fail.
    """
    high = [c for c in text if c > "\x7f"]
    accented = [c for c in high if c.isalpha()]
    letters = sum(1 for c in text if c.isalpha())
    return bool(high) and all(c.isalpha() or c in _WESTERN_MARKS for c in high) and len(accented) <= 0.3 * letters


def _single_byte(data: bytes, warnings: list[str] | None) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    try:
        western = data.decode("cp1252") if b"\x00" not in data else None  # NULs: UTF-16 without BOM
    except UnicodeDecodeError:
        western = None
    if western is not None and _western(western):
        if best is not None and best.encoding not in _WESTERN_GUESSES and warnings is not None:
            warnings.append(f"encoding guessed as Windows-1252 (Latin-1), not {best.encoding}; check the accents")
        return western
    if best is None:
        raise ArticleError("cannot tell the text encoding (binary file?)")
    if warnings is not None and best.encoding not in _WESTERN_GUESSES:
        warnings.append(f"not UTF-8; encoding guessed as {best.encoding}")
    return str(best)


def decode(data: bytes, html: bool = False, *, nul_ok: bool = False, warnings: list[str] | None = None) -> str:
    """Bytes to text: BOM, UTF-8, the HTML meta charset, Windows-1252, then charset-normalizer.

    ``nul_ok``: a NUL byte is left for the caller (tables drop only the row holding it).
    Uncertain guesses are appended to ``warnings``.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
        if html:
            m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w\-:.]+)""", data[:4096], re.I)
            if m:
                try:
                    text = data.decode(m.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
        if text is None:
            text = _single_byte(data, warnings)
    if "\x00" in text and not nul_ok:
        raise ArticleError("binary data, not text")
    return text


# ------------------------------------------------------------------------------ HTML

def parse_html(html: str, path: str | None = None) -> Article:
    """Main text, title, date and canonical URL of a saved web page (nothing fetched)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d"},
    )
    raw = (getattr(doc, "text", None) or "") if doc is not None else ""
    lines = _clean_lines(raw)
    title = _title_text(getattr(doc, "title", None) or "")
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None and title and _title_text(lines[first]) == title:
        lines[first] = ""  # the headline repeated at the top of the body
    body = _layout(lines, soft_wrap=False)
    if not body:
        raise ArticleError("no article text found in the HTML (trafilatura extracted nothing)")
    url = getattr(doc, "url", None) or None
    return Article(id=text_id(body), title=title or _fallback_title(body, path), text=body,
                   date=parse_date(getattr(doc, "date", None)), path=path, url=url)


# ---------------------------------------------------------------------------- tables

def _key(name: Any) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lstrip("\ufeff").lower())


def _pick(columns: Iterable[Any], wanted: tuple[str, ...]) -> Any | None:
    found = {_key(c): c for c in reversed(list(columns))}
    return next((found[w] for w in wanted if w in found), None)


class _RowError(ValueError):
    """A row that cannot be an article; the message is one line."""


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, list):
        return "\n\n".join(_cell(v) for v in value)
    if isinstance(value, dict):
        raise _RowError("a cell holds an object, not text")
    text = str(value)
    if "\x00" in text:
        raise _RowError("NUL byte (binary data) in the row")
    return text


def _row_article(row: dict, cols: dict[str, Any], path: str | None) -> Article | None:
    text = _cell(row.get(cols["text"])) if cols["text"] is not None else ""
    body = _layout(_clean_lines(text), soft_wrap=_hard_wrapped(_clean_lines(text)))
    if not body:
        return None
    title = _title_text(_cell(row.get(cols["title"]))) if cols["title"] is not None else ""
    url = _cell(row.get(cols["url"])).strip() if cols["url"] is not None else ""
    date = parse_date(row.get(cols["date"])) if cols["date"] is not None else None
    return Article(id=text_id(body), title=title or _fallback_title(body, None), text=body,
                   date=date, path=path, url=url or None)


def _columns(names: Iterable[Any]) -> dict[str, Any]:
    names = list(names)
    return {"text": _pick(names, TEXT_KEYS), "title": _pick(names, TITLE_KEYS),
            "date": _pick(names, DATE_KEYS), "url": _pick(names, URL_KEYS)}


def _no_text_column(names: Iterable[Any]) -> ArticleError:
    shown = ", ".join(str(n) for n in names) or "none"
    return ArticleError(f"no text column (looked for {', '.join(TEXT_KEYS[:5])}); columns found: {shown}")


def _rows(rows: Iterable[tuple[str, Any]], path: str | None, errors: list[str]) -> list[Article]:
    """Articles from (label, row) pairs of a JSON/JSONL file; bad rows go to ``errors``."""
    rows = list(rows)
    names: dict[str, None] = {}
    for _, row in rows:
        if isinstance(row, dict):
            names.update(dict.fromkeys(map(str, row)))
    if names and not any(_pick(r, TEXT_KEYS) is not None for _, r in rows if isinstance(r, dict)):
        raise _no_text_column(names)
    out = []
    for label, row in rows:
        if not isinstance(row, dict):
            errors.append(f"{label}: not an object")
            continue
        _take(row, _columns(row), path, label, out, errors)
    return out


def _take(row: dict, cols: dict[str, Any], path: str | None, label: str, out: list[Article],
          errors: list[str]) -> None:
    """The row's article appended to ``out``, or one line saying why not to ``errors``."""
    try:
        art = _row_article(row, cols, path)
    except _RowError as e:
        errors.append(f"{label}: {e}")
        return
    if art is None:
        errors.append(f"{label}: empty text")
    else:
        out.append(art)


def _table_articles(names: list, rows: Iterable[dict], path: str | None, errors: list[str], first: int) -> list[Article]:
    """Articles from the rows of a table with a header (Parquet), numbered from ``first``."""
    cols = _columns(names)
    if cols["text"] is None:
        raise _no_text_column(names)
    out: list[Article] = []
    for n, row in enumerate(rows, start=first):
        _take(row, cols, path, f"row {n}", out, errors)
    return out


def _read_csv(text: str, path: str | None, errors: list[str], first: int = 1) -> list[Article]:
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(",;\t|", key=header.count) if header else ","
    rows = csv_rows(text.lstrip("\ufeff"), delimiter)
    head = next(rows, None)
    names = [n for n in (head.cells or []) if n is not None] if head else []
    cols = _columns(names)
    if cols["text"] is None:
        raise _no_text_column(names) if head is None or head.cells is not None else ArticleError(head.problem)
    out = []
    n = first - 1
    for row in rows:
        if row.cells is None:
            errors.append(row.problem)
            continue
        n += 1
        _take(dict(zip(names, row.cells)), cols, path, f"row {n}", out, errors)
    return out


def _json_error(e: json.JSONDecodeError) -> str:
    return f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"


def _read_json(text: str, path: str | None, errors: list[str]) -> list[Article]:
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as e:
        raise ArticleError(_json_error(e)) from None
    if isinstance(data, dict):
        lists = {k: v for k, v in data.items() if isinstance(v, list)}
        key = _pick(lists, ("articles", "items", "data", "records", "documents", "docs", "rows", "results",
                            "entries", "posts", "stories"))
        if key is None and len(lists) == 1:
            key = next(iter(lists))
        if key is not None:
            data = data[key]
        elif _pick(data, TEXT_KEYS) is not None:
            data = [data]  # a single article object
        else:
            raise ArticleError("expected a list of article objects, or an object with a list under "
                               f"'articles'; keys found: {', '.join(map(str, data)) or 'none'}")
    if not isinstance(data, list):
        raise ArticleError(f"expected a list of article objects, found {type(data).__name__}")
    return _rows(((f"row {n}", row) for n, row in enumerate(data, start=1)), path, errors)


def _read_jsonl(text: str, path: str | None, errors: list[str], first: int = 1) -> list[Article]:
    rows = []
    for n, line in enumerate(text.lstrip("\ufeff").splitlines(), start=first):
        if not line.strip():
            continue
        try:
            rows.append((f"line {n}", json.loads(line)))
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: not valid JSON (column {e.colno}: {e.msg})")
        except RecursionError:
            errors.append(f"line {n}: nested too deeply to read")
    return _rows(rows, path, errors)


# ------------------------------------------------------------------------- dispatch

def _format(name: str, fmt: str | None) -> str:
    if not fmt and name == "-":
        return "txt"
    if fmt:
        f = fmt.lower().lstrip(".")
        f = SUFFIXES.get("." + f, f)
        if f not in FORMATS:
            raise ValueError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")
        return f
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(f"unknown file type {suffix or '(no suffix)'!r}; "
                           f"expected one of {', '.join(SUFFIXES)} (or force a format)")
    return SUFFIXES[suffix]


def max_html_bytes() -> int:
    """The HTML size limit: ``ACTORGRAPH_MAX_HTML_MB`` megabytes (default 5)."""
    try:
        mb = float(os.environ.get("ACTORGRAPH_MAX_HTML_MB", "") or 5)
    except ValueError:
        mb = 5.0
    return int(mb * 1_000_000) if mb == mb and mb > 0 else 5_000_000


def read_parquet_rows(source: str | bytes, path: str | None, errors: list[str], start: int = 0,
                      stop: int | None = None) -> list[Article]:
    """Articles from rows ``start:stop`` of a Parquet table (columns as for CSV)."""
    from .readwrite.parquet import ParquetError, table_rows

    try:
        names, rows = table_rows(source, start, stop)
    except ParquetError as e:
        raise ArticleError(str(e)) from None
    except (OSError, ValueError) as e:  # pyarrow's errors subclass these
        raise ArticleError(f"not a Parquet file ({' '.join(str(e).split())[:200]})") from None
    return _table_articles(names, rows, path, errors, start + 1)


def _parse(name: str, data: bytes, fmt: str | None, errors: list[str], warnings: list[str] | None = None) -> list[Article]:
    f = _format(name, fmt)
    if not data.strip():
        raise ArticleError("empty file")
    if f == "parquet":
        return read_parquet_rows(data, name, errors)
    if f == "html" and len(data) > max_html_bytes():
        raise ArticleError(f"HTML of {len(data) / 1e6:.1f} MB is over the {max_html_bytes() / 1e6:g} MB limit "
                           "(raise it with ACTORGRAPH_MAX_HTML_MB)")
    text = decode(data, html=f == "html", nul_ok=f in ("csv", "jsonl", "json"), warnings=warnings)
    if f in ("txt", "md"):
        return [parse_text(text, path=name, markdown=f == "md")]
    if f == "html":
        return [parse_html(text, path=name)]
    reader = {"csv": _read_csv, "json": _read_json, "jsonl": _read_jsonl}[f]
    return reader(text, name, errors)


def _load(name: str, data: bytes, fmt: str | None, errors: list[LoadError],
          warnings: list[LoadError] | None = None) -> list[Article]:
    """Articles from one blob; bad rows are appended to ``errors``, encoding doubts to ``warnings``."""
    reasons: list[str] = []
    doubts: list[str] = []
    try:
        articles = _parse(name, data, fmt, reasons, doubts)
    except RecursionError:
        raise ArticleError("nested too deeply to read") from None
    errors.extend(LoadError(name, reason) for reason in reasons)
    for doubt in doubts:
        if warnings is not None:
            warnings.append(LoadError(name, doubt))
        else:
            log.warning("%s", LoadError(name, doubt))
    if not articles and not reasons:
        raise ArticleError("no articles found")
    return articles


def read_bytes(name: str, data: bytes, fmt: str | None = None, errors: list[LoadError] | None = None) -> list[Article]:
    """Articles from an uploaded file: format from ``name``'s suffix, ``path=name``.

    Bad rows are appended to ``errors`` (or logged) and the good ones returned; a blob that
    yields no article at all raises ArticleError.
    """
    seen: list[LoadError] = []
    articles = _load(name, data, fmt, seen)
    if errors is not None:
        errors.extend(seen)
    else:
        for err in seen:
            log.warning("%s", err)
    if not articles:
        more = f" (and {len(seen) - 1} more)" if len(seen) > 1 else ""
        raise ArticleError(f"no articles: {seen[0].reason}{more}")
    return articles


_KINDS = [(stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")]


def _regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise ArticleError(f"{kind}, not a regular file; skipped")


def _read_path(name: str) -> bytes:
    """The bytes of a regular file (or stdin): a FIFO or device would block or never end."""
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        _regular(os.stat(name).st_mode)
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            _regular(os.fstat(fh.fileno()).st_mode)  # swapped for a FIFO after the first look
            return fh.read()
    except OSError as e:
        raise ArticleError(f"cannot read: {e.strerror or e}") from None


def read_file(path: str | Path, fmt: str | None = None, errors: list[LoadError] | None = None) -> list[Article]:
    """Articles from one file (``-`` is standard input); raises ArticleError when it yields none."""
    name = str(path)
    _format(name, fmt)  # unknown suffix: fail before reading
    return read_bytes(name, _read_path(name), fmt, errors)


def _folder_files(folder: str, fmt: str | None) -> list[str]:
    """Article files under ``folder``: sorted, hidden ones and unknown suffixes left out."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith(".") and (fmt or Path(f).suffix.lower() in SUFFIXES):
                found.append(os.path.join(root, f))
    return sorted(found, key=lambda p: Path(os.path.relpath(p, folder)).parts)


def input_files(paths: Iterable[str | Path], fmt: str | None, errors: list[LoadError]) -> Iterator[str]:
    """The files behind the given paths (folders expanded, in order); missing paths and empty
    folders go to ``errors`` as they are met."""
    for given in paths:
        name = str(given)
        if name != "-" and os.path.isdir(name):
            files = _folder_files(name, fmt)
            if not files:
                errors.append(LoadError(name, f"no article files in this folder (looked for {', '.join(SUFFIXES)})"))
            yield from files
        elif name == "-" or os.path.exists(name):
            yield name
        else:
            errors.append(LoadError(name, "no such file or folder"))


def read_articles(paths: Iterable[str | Path], fmt: str | None = None) -> LoadResult:
    """Articles from files and folders; every bad file or row becomes a LoadError, never an exception."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if fmt:
        _format("", fmt)  # a bad forced format is the caller's mistake: raise now
    result = LoadResult([], [])
    seen: dict[str, Article] = {}
    for file in input_files(paths, fmt, result.errors):
        try:
            articles = _load(file, _read_path(file), fmt, result.errors, result.warnings)
        except ArticleError as e:
            result.errors.append(LoadError(file, " ".join(str(e).split())))
            continue
        except Exception as e:  # a loader bug must not lose the other files
            result.errors.append(LoadError(file, " ".join(f"could not read ({type(e).__name__}: {e})".split())))
            continue
        for art in articles:
            first = seen.get(art.id)
            if first is None:
                seen[art.id] = art
                result.articles.append(art)
            elif (first.url or first.path) != (art.url or art.path):
                # the same text twice (a wire story in two outlets, a repeated row): read once, and said so
                warning = LoadError(file, f"{_where(art)} has the same text as {_where(first)}; read once")
                if warning not in result.warnings:
                    result.warnings.append(warning)
    return result


def _where(art: Article) -> str:
    return art.url or (Path(art.path).name if art.path else art.id)
