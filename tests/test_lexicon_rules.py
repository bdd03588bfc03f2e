"""The stance vocabulary is data: bad rows name their file and line, and one row adds a cue."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from actorgraph import lexicon
from actorgraph.lexicon import LexiconError
from actorgraph.rules import vocab


@pytest.fixture
def user_lexicon(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_LEXICON", str(tmp_path))
    lexicon.clear_cache()
    yield tmp_path
    monkeypatch.delenv("ACTORGRAPH_LEXICON")
    lexicon.clear_cache()


def test_a_cue_row_with_an_unknown_relation_names_file_and_line(user_lexicon):
    (user_lexicon / "verb_cues.csv").write_text("# mine\nverb,slot,relation\nshun,obj,opposes\nsnub,obj,hates\n")
    with pytest.raises(LexiconError) as err:
        vocab._cue_table("verb_cues", "verb", "slot")
    assert "verb_cues.csv, line 4" in str(err.value) and "'hates'" in str(err.value)


def test_a_cue_repeated_in_one_file_is_an_error_but_a_user_row_may_override_the_package(user_lexicon):
    (user_lexicon / "verb_cues.csv").write_text("verb,slot,relation\ncondemn,obj,supports\nshun,obj,opposes\n")
    assert vocab._cue_table("verb_cues", "verb", "slot")["condemn"]["obj"] == "supports"  # overrides the package
    (user_lexicon / "verb_cues.csv").write_text("verb,slot,relation\nshun,obj,opposes\nshun,obj,supports\n")
    with pytest.raises(LexiconError) as err:
        vocab._cue_table("verb_cues", "verb", "slot")
    assert "verb_cues.csv, line 3" in str(err.value) and "'shun'" in str(err.value)


def test_a_row_naming_an_undeclared_word_class_names_file_and_line(user_lexicon):
    (user_lexicon / "signed_words.csv").write_text("class,word,sign\njudgement_words,sly,-1\nsnark_words,sly,-1\n")
    with pytest.raises(LexiconError) as err:
        vocab._by_class("signed_words", "sign")
    assert "signed_words.csv, line 3" in str(err.value) and "snark_words" in str(err.value)


def test_a_bad_sign_is_an_error(user_lexicon):
    (user_lexicon / "signed_words.csv").write_text("class,word,sign\njudgement_words,sly,minus\n")
    rows = vocab._by_class("signed_words", "sign")["judgement_words"]
    with pytest.raises(LexiconError, match="signed_words.csv, line 2"):
        vocab.check_number(rows["sly"], "sign", ("+1", "-1", "1"))


def test_every_declared_word_class_has_members():
    classes = lexicon.word_classes()
    tables = set(vocab._WORD_RELATIONS) | set(vocab._SIGNED)  # classes whose rows live in those two tables
    assert {"received_nouns", "reciprocal_negative", "judgement_words", "eval_nouns"} <= tables
    assert not [c for c, members in classes.items() if not members and c not in tables]
    assert {"speech_verbs", "apparatus_nouns"} <= set(classes)


def test_one_row_adds_a_cue(tmp_path):
    """A user folder with one verb_cues.csv row makes a new verb a cue (run in a fresh process)."""
    (tmp_path / "verb_cues.csv").write_text("verb,slot,relation\noutmanoeuvre,obj,opposes\n")
    code = ("import json; from actorgraph.statements import build_pipeline; nlp = build_pipeline(); "
            "print(json.dumps([(s.source_actor.name, s.relation, s.target_actor.name, s.rule) "
            "for s in nlp('Germany outmanoeuvred Iran.')._.stances]))")
    env = dict(os.environ)
    before = json.loads(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                       check=True).stdout)
    env["ACTORGRAPH_LEXICON"] = str(tmp_path)
    after = json.loads(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                      check=True).stdout)
    assert before == []
    assert after == [["Germany", "opposes", "Iran", "verb.direct"]]
