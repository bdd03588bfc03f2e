"""Extraction end to end: the seed article, the statement records, and the ``actorgraph extract`` CLI."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from actorgraph.articles import read_articles
from actorgraph.cli import main
from actorgraph.records import STATEMENT_FIELDS, Article, Statement, text_id
from actorgraph.readwrite.statements import COLUMNS
from actorgraph.statements import extract_article, extract_statements

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"
SEED = DATA / "putin_diplomatic_offensive_2015.txt"

#: What a careful reader finds in the seed (the issue's floor).
REQUIRED = {
    ("Russia", "+", "Bashar al-Assad"),
    ("United States", "-", "Bashar al-Assad"),
    ("Russia", "-", "Islamic State"),
    ("Russia", "+", "United States"),
    ("United States", "+", "Russia"),
    ("Vladimir Putin", "+", "Bashar al-Assad"),
    ("Sergey Lavrov", "-", "Islamic State"),
    ("John Kerry", "-", "Islamic State"),
    ("Varvara Karaulova", "+", "Islamic State"),
}

#: Sentences (fragments) that are negated, denied or failed: nothing may come from them.
NEGATED = [
    "unable to convince",
    "does not believe",
    "doesn't believe",
    "would not be sending troops",
    "ruled out the participation",
    "Putin cannot have that",
]


@pytest.fixture(scope="module")
def seed() -> Article:
    loaded = read_articles([str(SEED)])
    assert not loaded.errors
    return loaded.articles[0]


@pytest.fixture(scope="module")
def seed_statements(seed) -> list[Statement]:
    return extract_article(seed)


def triples(statements) -> set[tuple[str, str, str]]:
    return {(s.source, "+" if s.sign > 0 else "-", s.target) for s in statements}


def test_seed_required_statements(seed_statements):
    missing = REQUIRED - triples(seed_statements)
    assert not missing, f"missing: {sorted(missing)}"


def test_seed_nothing_from_negated_sentences(seed_statements):
    for s in seed_statements:
        for frag in NEGATED:
            assert frag not in s.quote, (s.source, s.target, s.quote)
    assert not any(s.source == "Sergey Lavrov" and s.target == "John Kerry" for s in seed_statements)
    assert not any(s.source == "Georgi Mirski" for s in seed_statements)


def test_statement_fields_typed_and_quotes_exact(seed, seed_statements):
    assert seed_statements
    for s in seed_statements:
        d = s.to_dict()
        assert set(STATEMENT_FIELDS) <= set(d) and "id" in d
        assert isinstance(s.source, str) and s.source and isinstance(s.target, str) and s.target
        assert s.source != s.target
        assert s.source_type in ("country", "person", "organisation", "group")
        assert s.target_type in ("country", "person", "organisation", "group")
        assert (s.stance, s.sign) in (("supports", 1), ("opposes", -1))
        assert isinstance(s.relation, str) and s.relation
        assert isinstance(s.start, int) and isinstance(s.end, int) and isinstance(s.sentence_index, int)
        source_text = seed.title if s.sentence_index == -1 else seed.text
        assert source_text[s.start:s.end] == s.quote and s.quote.strip() == s.quote and s.quote
        assert 0.0 < s.confidence <= 1.0
        assert s.article_id == seed.id == text_id(seed.text)
        assert s.title == seed.title and s.path == seed.path
        assert s.cue and s.source_mention and s.target_mention
    # a person's affiliation and role travel with the statement
    lavrov = [s for s in seed_statements if s.source == "Sergey Lavrov"]
    assert lavrov and lavrov[0].source_affiliation == "Russia"


def test_no_duplicates_and_stable_ids(seed, seed_statements):
    keys = [(s.source, s.target, s.stance, s.relation, s.sentence_index) for s in seed_statements]
    assert len(keys) == len(set(keys))
    again = extract_article(seed)
    assert [s.id for s in again] == [s.id for s in seed_statements]


def test_progress_callback_and_empty_input(seed):
    calls = []
    list(extract_statements([seed, seed], progress=lambda done, total: calls.append((done, total))))
    assert calls == [(1, 2), (2, 2)]
    assert list(extract_statements([])) == []


def test_worker_processes_give_the_same_statements(seed):
    other = Article(id=text_id("x"), title="t", text="France condemned Iran. Germany supports Ukraine.", path="o.txt")
    one = [s.to_dict() for s in extract_statements([seed, other])]
    two = [s.to_dict() for s in extract_statements([seed, other], n_process=2)]
    assert one == two and any(d["path"] == "o.txt" for d in two)


# ------------------------------------------------------------------ the CLI


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_cli_extract_folder_jsonl(capsys):
    assert main(["extract", str(DATA)]) == 0
    out = capsys.readouterr()
    recs = _jsonl(out.out)
    assert recs
    art = read_articles([str(SEED)]).articles[0]
    for r in recs:
        assert set(COLUMNS) <= set(r)
        assert Path(r["path"]).name == SEED.name
        assert (art.title if r["sentence_index"] == -1 else art.text)[r["start"]:r["end"]] == r["quote"]
        assert r["sign"] in (1, -1)
    assert REQUIRED <= {(r["source"], "+" if r["sign"] > 0 else "-", r["target"]) for r in recs}
    assert "statements" in out.err


def test_progress_bar_only_on_a_terminal(seed, monkeypatch):
    import io

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, drawn in ((io.StringIO(), False), (Tty(), True)):
        monkeypatch.setattr("sys.stderr", stream)
        assert list(extract_statements([seed], progress_bar=True))
        assert ("extracting" in stream.getvalue()) is drawn


def test_cli_extract_csv_output(tmp_path, capsys):
    dest = tmp_path / "out" / "x.csv"
    assert main(["extract", str(SEED), "-o", str(dest)]) == 0
    capsys.readouterr()
    with dest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and list(rows[0]) == COLUMNS
    assert all(r["stance"] in ("supports", "opposes") for r in rows)


def test_cli_bad_file_is_reported_and_good_file_still_goes_through(tmp_path, capsys):
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_bytes(b"")
    (tmp_path / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    code = main(["extract", str(tmp_path)])
    out = capsys.readouterr()
    assert code == 1
    err_lines = [line for line in out.err.splitlines() if "bad.txt" in line]
    assert len(err_lines) == 1
    assert any("table.csv" in line for line in out.err.splitlines())
    recs = _jsonl(out.out)
    assert recs and {Path(r["path"]).name for r in recs} == {"good.txt"}


def test_headline_stances_point_into_the_title():
    from actorgraph.records import Article

    body = "The talks in Geneva ended on Tuesday. Germany condemned Iran again on Wednesday."
    art = Article(id=text_id(body), title="Germany condemns Iran over drone sales", text=body)
    found = extract_article(art)
    head = [s for s in found if s.sentence_index == -1]
    assert [(s.source, s.stance, s.target) for s in head] == [("Germany", "opposes", "Iran")]
    assert art.title[head[0].start:head[0].end] == head[0].quote == art.title
    rest = [s for s in found if s.sentence_index != -1]
    assert [(s.source, s.target, s.sentence_index) for s in rest] == [("Germany", "Iran", 1)]
    assert all(body[s.start:s.end] == s.quote for s in rest)


@pytest.mark.parametrize("body", [
    "Germany condemned Iran over the drone sales.",  # the fallback title is the whole body
    "Germany condemned Iran over the drone sales on Tuesday, and the talks in Geneva were put off to June.",
])
def test_title_taken_from_the_body_is_not_read_twice(tmp_path, body):
    """A row without a title gets the body's first words as its title; reading that as a headline too
    gave the one sentence twice, as two statements with the same id."""
    src = tmp_path / "rows.jsonl"
    src.write_text(json.dumps({"text": body, "title": "", "url": "x:1"}) + "\n", encoding="utf-8")
    (art,) = read_articles([src]).articles
    assert art.title and body.startswith(art.title.rstrip("\u2026"))
    found = extract_article(art)
    assert [(s.source, s.target, s.sentence_index) for s in found] == [("Germany", "Iran", 0)]
    assert len({s.id for s in found}) == len(found)


def test_a_one_word_title_does_not_split_the_first_sentence():
    from actorgraph.articles import parse_text
    art = parse_text("Memo\n\nSweden, Finland and other states condemned Russia.", path="memo.txt")
    got = {(s.source, s.sign, s.target) for s in extract_article(art)}
    assert got == {("Sweden", -1, "Russia"), ("Finland", -1, "Russia")}


def test_a_state_goes_by_the_name_it_had_when_the_article_was_written():
    body = "The Kremlin accused Washington of warmongering. Russian Foreign Minister Ivan Petrov criticised Belgrade."
    old = extract_article(Article(id="a85", title="Moscow warns Washington", text=body, date="1985-06-01"))
    new = extract_article(Article(id="a15", title="Moscow warns Washington", text=body, date="2015-06-01"))
    assert ("Soviet Union", "United States") in {(s.source, s.target) for s in old}
    assert ("Ivan Petrov", "Yugoslavia", "Soviet Union") in {(s.source, s.target, s.source_affiliation) for s in old}
    assert ("Russia", "United States") in {(s.source, s.target) for s in new}
    assert ("Ivan Petrov", "Serbia", "Russia") in {(s.source, s.target, s.source_affiliation) for s in new}
    assert {s.source_mention for s in old} >= {"Kremlin"}  # the mention stays as written


def test_two_names_the_era_makes_one_state_give_no_self_statement():
    art = Article(id="a86", title="Moscow report", text="The Soviet Union praised Russia's leaders.", date="1986-03-01")
    assert not [s for s in extract_article(art) if s.source == s.target]


def test_an_undated_article_in_which_the_former_state_acts_is_of_its_era():
    body = ("The Soviet Union accused Peru of arming the rebels. The Kremlin later condemned Chile. "
            "Pakistan criticised Moscow.")
    old = {(s.source, s.target) for s in extract_article(Article(id="u1", title="Report", text=body))}
    assert {("Soviet Union", "Peru"), ("Soviet Union", "Chile"), ("Pakistan", "Soviet Union")} <= old
    later = "The Kremlin condemned Chile, decades after the collapse of the Soviet Union."
    assert ("Russia", "Chile") in {(s.source, s.target) for s in extract_article(Article(id="u2", title="Report", text=later))}
    # the successor written as itself makes the article a later one, whatever history it tells
    today = "Russia praised Chile on Monday. Historians say the Soviet Union backed Cuba."
    assert ("Russia", "Chile") in {(s.source, s.target) for s in extract_article(Article(id="u3", title="Report", text=today))}
