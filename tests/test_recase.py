"""Title-case headlines are read in sentence case (actorgraph/recase.py); invented headlines and bodies."""
from __future__ import annotations

from actorgraph.recase import recase, title_case
from actorgraph.records import Article
from actorgraph.statements import extract_statements, parsed_text

BODY = "NAIROBI - Kenya said on Tuesday it stood with Uganda in the border dispute. Theresa May spoke later."


def test_title_case_words_lowered_names_kept():
    got = recase("Kenya Backs Uganda Over Border Dispute", BODY)
    assert got == "Kenya backs Uganda over border dispute"


def test_same_length_and_sentence_case_untouched():
    for title in ("Kenya backs Uganda over border dispute", "Talks resume", "UN Envoy Arrives"):
        assert len(recase(title, BODY)) == len(title)
    assert recase("Kenya backs Uganda over border dispute", BODY) == "Kenya backs Uganda over border dispute"
    assert not title_case("Kenya backs Uganda over border dispute")


def test_body_capitalised_words_stay_names():
    # "May" is a function word, but the body writes it capitalised inside a sentence: a name
    assert recase("Theresa May Rebuffs Kenya Over Border Dispute", BODY).startswith("Theresa May rebuffs")
    # an acronym and a known actor's name the body lacks keep their case; other words the body lacks do not
    assert recase("Kenya Backs UN Plan For Hezbollah Talks", BODY) == "Kenya backs UN plan for Hezbollah talks"


def test_headline_statement_quotes_the_title_as_written():
    title = "Kenya Backs Uganda Over Border Dispute"
    art = Article(id="a1", text=BODY, title=title)
    assert parsed_text(art).startswith("Kenya backs Uganda over border dispute\n\n")
    heads = [s for s in extract_statements([art]) if s.sentence_index == -1]
    assert [(s.source, s.stance, s.target) for s in heads] == [("Kenya", "supports", "Uganda")]
    assert heads[0].quote == title == art.title[heads[0].start:heads[0].end]


def test_short_title_case_headline_recased():
    # too few words of 4+ letters for the main test, but every word of 3+ letters capitalised: a glued
    # "Kerr Would Sue Her" would otherwise be read as one person's name
    body = "Jim Kerr said on Friday that he would sue Ann Moss. Kerr spoke in Ohio."
    assert title_case("Kerr Would Sue Her")
    assert recase("Kerr Would Sue Her", body) == "Kerr would sue her"
    assert not title_case("Kerr would sue Moss")  # sentence case stays as it is


def test_typographic_apostrophes_parsed_plain_quoted_as_written():
    # the model tags "O’Reilly" an adverb; the parse reads the ASCII apostrophe, the statement keeps the article's
    body = "Radio host Bill O’Reilly criticised Senator Ann Lowe on Monday. Lowe didn’t answer."
    art = Article(id="a2", text=body, title="Radio notes")
    assert "’" not in parsed_text(art) and len(parsed_text(art)) == len("Radio notes\n\n") + len(body)
    got = [s for s in extract_statements([art]) if s.target == "Ann Lowe"]
    assert [(s.source, s.source_mention, s.stance) for s in got] == [("Bill O'Reilly", "Bill O’Reilly", "opposes")]
    assert got[0].quote == body[got[0].start:got[0].end] and "O’Reilly" in got[0].quote


def test_a_word_of_a_longer_known_name_is_a_name_only_with_the_whole_name():
    body = "Speaker Robert Kane and President Daniel Brooks met on Monday."
    assert recase("Kane and Brooks Trade Blame Over Shutdown", body) == "Kane and Brooks trade blame over shutdown"
    assert recase("World Trade Organization Rules Against Peru", body).startswith("World Trade Organization rules")
