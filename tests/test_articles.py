"""Article loaders: plain text, Markdown, HTML, tables, folders, encodings."""
from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from actorgraph.articles import (
    SUFFIXES,
    ArticleError,
    LoadError,
    parse_text,
    read_articles,
    read_bytes,
    read_file,
)
from actorgraph.records import text_id

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "putin_diplomatic_offensive_2015.txt"
FIX = Path(__file__).resolve().parent / "fixtures" / "articles"


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


@pytest.fixture(scope="module")
def seed():
    return read_file(SEED)[0]


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# ------------------------------------------------------------------ plain text


def test_seed_title_and_glued_date(seed):
    raw = SEED.read_text(encoding="utf-8")
    assert seed.title == raw.splitlines()[0].strip()
    assert seed.date == "2015-08-08"
    assert seed.text.startswith("On Friday, the UN Security Council")
    assert seed.title not in seed.text
    assert "2015On" not in seed.text
    assert seed.id == text_id(seed.text)
    assert seed.path == str(SEED) and seed.url is None


def test_seed_subheadings_are_paragraphs_of_their_own(seed):
    paras = paragraphs(seed.text)
    assert all(p and p == p.strip() for p in paras)
    i = next(i for i, p in enumerate(paras) if p.startswith('Lavrov presents "Putin\'s Plan"'))
    assert paras[i] == 'Lavrov presents "Putin\'s Plan"'  # kept word for word, nothing appended
    assert paras[i + 1].startswith("Following Russia's contributions")
    # every other line of the file survives as one paragraph, in order
    lines = [x.strip() for x in SEED.read_text(encoding="utf-8").splitlines()[2:] if x.strip()]
    assert paras[1:] == lines


def test_pipeline_keeps_subheadings_out_of_sentences(seed):
    from actorgraph.statements import build_pipeline

    doc = build_pipeline()(seed.text)
    sents = [s.text.strip() for s in doc.sents]
    heading = 'Lavrov presents "Putin\'s Plan"'
    assert not any(heading in s and "Following Russia" in s for s in sents)
    assert any(s.startswith(heading) for s in sents)
    # no sentence carries words across a paragraph break (spaCy may hang a closing quote
    # mark on the next sentence; that is punctuation, not words)
    assert not [s for s in sents if "\n\n" in s.strip("\"'“”‘’ \n")]


def test_date_on_its_own_line_and_subheading():
    art = read_file(FIX / "dated.txt")[0]
    assert (art.title, art.date) == ("Ministers meet in Geneva", "2021-03-12")
    assert art.text.startswith("The foreign ministers")
    assert "12 March 2021" not in art.text
    paras = paragraphs(art.text)
    assert "Talks stall over sanctions" in paras
    assert paras[paras.index("Talks stall over sanctions") + 1].startswith("Both sides said")


def test_hard_wrapped_text_is_rejoined():
    art = read_file(FIX / "wrapped.txt")[0]
    assert art.date == "2019-08-03"  # "Published: Aug. 3, 2019"
    paras = paragraphs(art.text)
    assert paras[0].startswith("The parliament of Ruritania voted against the government's budget on Tuesday, after")
    assert paras[0].endswith("from the public.")
    assert paras[1] == "Opposition celebrates"
    assert paras[2].endswith("before the end of the year.") and "\n" not in paras[2]


@pytest.mark.parametrize(
    "line, iso",
    [
        ("August 8, 2015", "2015-08-08"),
        ("8 August 2015", "2015-08-08"),
        ("Aug. 8, 2015", "2015-08-08"),
        ("2015-08-08", "2015-08-08"),
        ("Friday, 8th August 2015, 10:32 GMT", "2015-08-08"),
        ("Updated: Sept. 8, 2015", "2015-09-08"),
        ("08.08.2015", "2015-08-08"),
        ("June 2024", "2024-06-01"),  # month only: the first of the month
    ],
)
def test_date_forms_on_their_own_line(line, iso):
    art = parse_text(f"A headline\n{line}\nThe minister spoke on Friday.\n")
    assert art.date == iso
    assert art.text == "The minister spoke on Friday."


@pytest.mark.parametrize(
    "first",
    ["August 2015 was a hot month in Moscow.", "March 12, 2015, the minister said, was a turning point."],
)
def test_a_sentence_that_starts_with_a_date_is_kept(first):
    art = parse_text(f"A headline\n{first}\n")
    assert art.date is None
    assert art.text == first


def test_date_before_the_title_or_after_a_byline():
    before = parse_text("August 8, 2015\nThe headline\nThe minister spoke.\n")
    assert (before.title, before.date, before.text) == ("The headline", "2015-08-08", "The minister spoke.")
    byline = parse_text("The headline\nBy Jane Doe\n8 August 2015\nThe minister spoke.\n")
    assert byline.date == "2015-08-08"
    assert paragraphs(byline.text) == ["By Jane Doe", "The minister spoke."]


def test_short_lines_are_not_mistaken_for_wrapped_text():
    art = parse_text("Headlines\nRussia supports Assad\nThe US opposes Assad\nTurkey backs the rebels\n")
    assert paragraphs(art.text) == ["Russia supports Assad", "The US opposes Assad", "Turkey backs the rebels"]


def test_date_with_dash_and_impossible_date():
    art = parse_text("Title\n8 Aug 2015 — Moscow said it would help.\n")
    assert (art.date, art.text) == ("2015-08-08", "Moscow said it would help.")
    bad = parse_text("Title\nFeb 30, 2015\nText here.\n")
    assert bad.date is None and bad.text.startswith("Feb 30, 2015")


def test_text_normalisation():
    raw = "Title  \r\n\r\n\r\n\r\nFirst\u00a0paragraph.   \r\n\r\n\r\n\r\nSecond paragraph.\r\n\t\r\n"
    art = parse_text(raw)
    assert art.title == "Title"
    assert art.text == "First paragraph.\n\nSecond paragraph."


def test_untitled_and_headline_only_files(tmp_path):
    long_line = "Russia and the United States agreed on Friday " * 6 + "to work together."
    p = tmp_path / "talks_in_vienna.txt"
    p.write_text(long_line + "\n", encoding="utf-8")
    art = read_file(p)[0]
    assert art.text == long_line and art.title == "talks in vienna"
    one = parse_text("Russia backs Assad\n")
    assert one.title == "Russia backs Assad" and one.text == "Russia backs Assad"
    with pytest.raises(ArticleError):
        parse_text(" \n\n ")


def test_markdown_front_matter_headings_and_links():
    art = read_file(FIX / "notes.md")[0]
    assert art.title == "Summit ends without a deal"
    assert (art.date, art.url) == ("2022-11-05", "https://example.org/summit")
    paras = paragraphs(art.text)
    assert paras[0].startswith("The summit in Vienna ended on Sunday without an agreement, according to the official statement.")
    assert "What comes next" in paras and "A new round of talks in January" in paras
    for mark in ("#", "**", "](", "---", "> "):
        assert mark not in art.text


def test_markdown_heading_title_and_month_date():
    art = parse_text("## *Talks* resume ##\n\nJune 2024\n\nThe talks resumed.\n", markdown=True)
    assert (art.title, art.date, art.text) == ("Talks resume", "2024-06-01", "The talks resumed.")


# -------------------------------------------------------------------------- HTML


def test_html_through_trafilatura(offline):
    art = read_file(FIX / "page.html")[0]
    assert art.title == "Neighbours sign water treaty"
    assert art.date == "2020-06-15"
    assert art.url == "https://news.example.com/2020/06/water-treaty"
    assert art.path == str(FIX / "page.html")
    assert art.text.startswith("The governments of Arcadia and Borduria signed a treaty")
    assert "A long road to agreement" in paragraphs(art.text)
    for boilerplate in ("World news menu", "Sport section", "Copyright", "newsletter", "<p>"):
        assert boilerplate not in art.text
    assert art.title not in art.text


def test_html_without_text_is_an_error(tmp_path, offline):
    p = tmp_path / "empty.html"
    p.write_text('<html><head><title>Nothing</title></head><body><div><img src="x.png"></div>'
                 "<script>var text = 'not an article';</script></body></html>")
    res = read_articles([p])
    assert res.articles == []
    assert len(res.errors) == 1 and res.errors[0].path == str(p)
    assert "no article text" in res.errors[0].reason


# ------------------------------------------------------------------------ tables


def test_csv_odd_cased_columns_url_and_empty_row():
    errors: list[LoadError] = []
    arts = read_file(FIX / "table.csv", errors=errors)
    assert [a.title for a in arts] == ["Leaders agree on trade pact", "Ministers argue over tariffs"]
    assert [a.date for a in arts] == ["2021-04-02", "2021-04-03"]
    assert [a.url for a in arts] == ["https://example.org/pact", None]
    assert all(a.path == str(FIX / "table.csv") for a in arts)
    assert arts[0].source == "https://example.org/pact" and arts[1].source == str(FIX / "table.csv")
    assert paragraphs(arts[0].text) == [
        "The leaders of Arcadia and Borduria agreed on a trade pact on Monday.",
        "The pact lowers tariffs on grain.",
    ]
    assert [str(e) for e in errors] == [f"{FIX / 'table.csv'}: row 3: empty text"]


def test_csv_semicolons_and_missing_text_column():
    arts = read_bytes("x.csv", "TITLE;Content\nA;Body one.\n".encode())
    assert (arts[0].title, arts[0].text) == ("A", "Body one.")
    res = read_articles([FIX / "no_text.csv"])
    assert res.articles == [] and len(res.errors) == 1
    reason = res.errors[0].reason
    assert "no text column" in reason and "Title, Summary, URL" in reason
    with pytest.raises(ArticleError, match="columns found: Title, Summary, URL"):
        read_file(FIX / "no_text.csv")


def test_json_list_and_object_with_articles():
    arts = read_file(FIX / "list.json")
    assert [(a.title, a.date, a.url) for a in arts] == [
        ("Army withdraws from border", "2018-09-21", "https://example.org/army"),
        ("Election called", "2018-09-21", None),
    ]
    assert arts[1].text == "The president called an early election."
    (port,) = read_file(FIX / "wrapped.json")
    assert (port.title, port.url, port.text) == (
        "Port reopens", "https://example.org/port", "The port reopened after a week-long strike.")


def test_json_errors_are_one_line():
    with pytest.raises(ArticleError, match=r"not valid JSON \(line 1, column"):
        read_bytes("a.json", b"{oops")
    with pytest.raises(ArticleError, match="keys found: meta"):
        read_bytes("a.json", b'{"meta": 1}')
    errors: list[LoadError] = []
    arts = read_bytes("a.json", json.dumps([{"text": "Fine."}, 3, {"text": " "}]).encode(), errors=errors)
    assert len(arts) == 1
    assert [e.reason for e in errors] == ["row 2: not an object", "row 3: empty text"]


def test_jsonl_with_a_broken_line():
    res = read_articles([FIX / "broken.jsonl"])
    assert [a.title for a in res.articles] == ["First story", "Third story"]
    assert len(res.errors) == 1
    err = res.errors[0]
    assert err.path == str(FIX / "broken.jsonl") and err.reason.startswith("line 2: not valid JSON")
    assert "\n" not in str(err)


def test_table_dates_in_other_forms():
    rows = [{"text": "One.", "date": "Aug 8, 2015"}, {"text": "Two.", "date": "2015-08-08T23:30:00-05:00"},
            {"text": "Three.", "date": 1438992000000}, {"text": "Four.", "date": "soon"}]
    arts = read_bytes("d.json", json.dumps(rows).encode())
    assert [a.date for a in arts] == ["2015-08-08", "2015-08-08", "2015-08-08", None]


# ------------------------------------------------------------ folders and errors


def test_folder_with_a_bad_file_among_good_ones(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    shutil.copy(FIX / "dated.txt", folder / "b.txt")
    shutil.copy(FIX / "list.json", folder / "sub" / "a.json")
    shutil.copy(SEED, folder / "a.txt")
    (folder / "bad.json").write_text("[{'text': 'single quotes'}]")
    (folder / ".secret.txt").write_text("Hidden\nNot an article.")
    (folder / ".hidden" / "c.txt").write_text("Hidden\nNot an article.")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    res = read_articles([str(folder)])
    assert [Path(a.path).relative_to(folder).as_posix() for a in res.articles] == [
        "a.txt", "b.txt", "sub/a.json", "sub/a.json"]
    assert res.articles[0].path == str(folder / "a.txt")
    assert [e.path for e in res.errors] == [str(folder / "bad.json")]
    assert "not valid JSON" in res.errors[0].reason
    assert read_articles([str(folder)]).articles == res.articles  # deterministic


def test_missing_path_unknown_suffix_and_forced_format(tmp_path):
    notes = tmp_path / "story.dat"
    notes.write_text("Headline\nBody text here.\n")
    res = read_articles([tmp_path / "nope.txt", notes])
    assert [e.path for e in res.errors] == [str(tmp_path / "nope.txt"), str(notes)]
    assert "no such file" in res.errors[0].reason and "unknown file type '.dat'" in res.errors[1].reason
    forced = read_articles([notes], fmt="txt")
    assert forced.errors == [] and forced.articles[0].text == "Body text here."
    with pytest.raises(ValueError):
        read_articles([notes], fmt="pdf")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert read_articles([empty]).errors[0].reason == "empty file"


def test_duplicates_keep_the_first(tmp_path):
    body = "Russia said it supports the plan."
    (tmp_path / "a.txt").write_text(f"First title\n{body}\n")
    (tmp_path / "b.csv").write_text(f"title,text\nSecond title,{body}\n")
    res = read_articles([tmp_path, tmp_path / "a.txt"])
    assert [a.title for a in res.articles] == ["First title"] and res.errors == []


def test_stable_ids():
    a = parse_text("Title one\nThe same body.\n", path="x.txt")
    b = parse_text("Another title\r\nThe same body.   \r\n", path="y.txt")
    c = parse_text("Title one\nA different body.\n")
    assert a.id == b.id == text_id("The same body.")
    assert a.id != c.id
    assert read_file(SEED)[0].id == read_file(SEED)[0].id


# ------------------------------------------------------------------- encodings

SAMPLE = "Talks at the Université\n\n“We support the plan,” said the minister of Côte d’Ivoire – again.\n"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_encodings(tmp_path, encoding):
    p = tmp_path / "enc.txt"
    p.write_bytes(SAMPLE.encode(encoding))
    art = read_file(p)[0]
    assert art.title == "Talks at the Université"
    assert art.text == "“We support the plan,” said the minister of Côte d’Ivoire – again."


def test_latin1_csv_and_binary_file():
    data = "title,text\nCafé talks,L'Université a soutenu le plan.\n".encode("latin-1")
    art = read_bytes("t.csv", data)[0]
    assert (art.title, art.text) == ("Café talks", "L'Université a soutenu le plan.")
    with pytest.raises(ArticleError):
        read_bytes("x.txt", bytes(range(256)) * 4)


# --------------------------------------------------------- uploads and hostile text


@pytest.mark.parametrize("name", ["dated.txt", "notes.md", "page.html", "table.csv", "list.json", "broken.jsonl"])
def test_read_bytes_matches_read_file(name, offline):
    data = (FIX / name).read_bytes()
    from_bytes = read_bytes(name, data, errors=[])
    from_file = read_file(FIX / name, errors=[])
    assert from_bytes and [a.path for a in from_bytes] == [name] * len(from_bytes)
    assert [(a.id, a.title, a.date, a.url) for a in from_bytes] == [(a.id, a.title, a.date, a.url) for a in from_file]


def test_read_bytes_format_from_suffix_or_forced():
    assert set(SUFFIXES.values()) == {"txt", "md", "html", "csv", "json", "jsonl", "parquet"}
    with pytest.raises(ArticleError, match="unknown file type"):
        read_bytes("upload.bin", b"Title\nBody.")
    assert read_bytes("upload.bin", b"Title\nBody.", fmt="txt")[0].text == "Body."
    assert read_bytes("UPLOAD.TXT", b"Title\nBody.")[0].path == "UPLOAD.TXT"


def test_hostile_text_is_kept_verbatim_as_data():
    title = "<script>alert(1)</script> & friends"
    body = 'He wrote <img src=x onerror="alert(2)"> in the chat.'
    art = parse_text(f"{title}\n{body}\n")
    assert (art.title, art.text) == (title, body)
    row = read_bytes("h.jsonl", json.dumps({"title": title, "text": body}).encode())[0]
    assert (row.title, row.text) == (title, body)
    md = parse_text(f"# {title}\n\n{body}\n", markdown=True)
    assert md.title == title and md.text == body


def test_the_same_text_twice_is_read_once_and_said_so(tmp_path):
    rows = [{"title": "A", "text": "Chile praised Peru on Monday.", "url": "u1"},
            {"title": "B", "text": "Peru thanked Chile.", "url": "u2"},
            {"title": "C", "text": "Chile praised Peru on Monday.", "url": "u3"}]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    got = read_articles([path])
    assert [a.url for a in got.articles] == ["u1", "u2"]
    assert [str(w) for w in got.warnings] == [f"{path}: u3 has the same text as u1; read once"]
    again = read_articles([path, path])  # the same file twice is no duplicate story
    assert len(again.articles) == 2 and len(again.warnings) == 1
