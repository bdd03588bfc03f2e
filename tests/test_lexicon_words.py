"""The word classes as data: the actor resolver reads every class from the lexicon, and bad rows
are errors that name the file and line."""
from __future__ import annotations

import pytest

from actorgraph import lexicon
from actorgraph.resolve import vocab


@pytest.fixture
def extra_dir(tmp_path, monkeypatch):
    (tmp_path / "words").mkdir()
    monkeypatch.setenv("ACTORGRAPH_LEXICON", str(tmp_path))
    lexicon.clear_cache()
    yield tmp_path
    monkeypatch.delenv("ACTORGRAPH_LEXICON")
    lexicon.clear_cache()


def test_resolver_classes_come_from_the_files():
    assert "minister" in vocab.ROLE_HEADS and "government" in vocab.STATE_NOUNS
    assert vocab.ROLE_ABBREVIATIONS["sen."] == "senator"
    assert vocab.HONORIFICS["mrs."] == "f" and vocab.HONORIFICS["dr"] is None
    assert vocab.us_state(["S.C."]) == "south carolina" and vocab.us_state(["Calif."]) == "california"
    assert vocab.PLURAL_COUNT["two"] == 2
    assert {"speech_verbs", "apparatus_nouns"} <= set(lexicon.word_classes())


def test_a_user_row_adds_a_word(extra_dir):
    (extra_dir / "words" / "mine.csv").write_text("class,entry\nrole_heads,ombudsman\n", encoding="utf-8")
    assert "ombudsman" in lexicon.words("role_heads") and "minister" in lexicon.words("role_heads")


def test_undeclared_class_names_file_and_line(extra_dir):
    path = extra_dir / "words" / "mine.csv"
    path.write_text("# my words\nclass,entry\nrole_heads,ombudsman\nrole_headz,registrar\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match=r"mine\.csv, line 4: unknown word class 'role_headz'"):
        lexicon.words("role_heads")


def test_two_values_for_one_entry_is_an_error(extra_dir):
    path = extra_dir / "words" / "mine.csv"
    path.write_text("class,entry,value\nrole_abbreviations,sen.,senior\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match=r"mine\.csv, line 2: 'role_abbreviations' entry 'sen\.' has two values"):
        lexicon.mapping("role_abbreviations")
