"""The corpus pass that joins one actor's names (actorgraph/identity.py). Every name is invented."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from actorgraph.cli import build_parser, main
from actorgraph.gazetteer import Entry, Gazetteer
from actorgraph.identity import join_names, name_rules, parse_person, same_person, spelling_key
from actorgraph.lexicon import LexiconError
from actorgraph.records import Statement

_counter = iter(range(10**6))


def st(source, target, article="a1", *, source_type="person", target_type="person", source_role=None,
       source_mention=None, source_affiliation=None, start=None, stance="opposes"):  # fmt: skip
    """A statement with its own place in its article unless ``start`` is given."""
    start = next(_counter) * 100 if start is None else start
    return Statement(
        source=source, target=target, source_type=source_type, target_type=target_type, stance=stance,
        sign=-1 if stance == "opposes" else 1, relation="criticises" if stance == "opposes" else "supports",
        quote=f"{source} and {target}.", article_id=article, title=article, date=None, path=f"{article}.txt",
        url=None, sentence_index=0, start=start, end=start + 50, confidence=0.8,
        source_mention=source if source_mention is None else source_mention, target_mention=target,
        source_role=source_role, source_affiliation=source_affiliation,
    )  # fmt: skip


def sources(statements):
    return [s.source for s in join_names(statements)]


# --------------------------------------------------------------------------- full names


def test_nicknames_join_through_the_table_and_the_most_written_full_name_wins():
    out = sources([st("Margaret Okafor", "Tobias Wren", "a1"), st("Peggy Okafor", "Tobias Wren", "a2"),
                   st("Peggy Okafor", "Tobias Wren", "a3")])  # fmt: skip
    assert out == ["Peggy Okafor"] * 3


def test_two_nicknames_of_one_formal_name_join():
    assert len(set(sources([st("Bob Vandeleur", "X Ray", "a1"), st("Rob Vandeleur", "X Ray", "a2")]))) == 1


def test_a_nickname_of_two_formal_names_joins_the_one_the_corpus_holds():
    assert len(set(sources([st("Jacob Marlow", "X Ray", "a1"), st("Jack Marlow", "X Ray", "a2")]))) == 1
    assert len(set(sources([st("John Marlow", "X Ray", "a1"), st("Jack Marlow", "X Ray", "a2")]))) == 1


def test_distinct_first_names_stay_apart():
    assert sources([st("Margaret Okafor", "Tobias Wren", "a1"), st("Daniel Okafor", "Tobias Wren", "a2")]) == [
        "Margaret Okafor", "Daniel Okafor"]  # fmt: skip


def test_two_formal_names_sharing_a_nickname_stay_apart_and_the_nickname_joins_neither():
    out = sources([st("Gerald Nadlow", "Tobias Wren", "a1"), st("Jerrold Nadlow", "Tobias Wren", "a2"),
                   st("Jerry Nadlow", "Tobias Wren", "a3")])  # fmt: skip
    assert out == ["Gerald Nadlow", "Jerrold Nadlow", "Jerry Nadlow"]


def test_different_middle_initials_never_join_and_the_bare_form_joins_neither():
    out = sources([st("Harold Q. T. Brennick", "Tobias Wren", "a1"), st("Harold T. Brennick", "Tobias Wren", "a2"),
                   st("Harold Brennick", "Tobias Wren", "a3")])  # fmt: skip
    assert out == ["Harold Q. T. Brennick", "Harold T. Brennick", "Harold Brennick"]


def test_a_middle_name_may_be_left_out_or_written_as_its_initial():
    out = sources([st("Lucinda Mae Marrow", "Tobias Wren", "a1"), st("Lucinda Marrow", "Tobias Wren", "a2"),
                   st("Lucinda M. Marrow", "Tobias Wren", "a3")])  # fmt: skip
    assert len(set(out)) == 1


def test_the_middle_initial_a_mention_writes_counts():
    """Named "Harold Brennick" but written "Harold T. Brennick": it is that one, not the Q. T. one."""
    out = sources([st("Harold Q. T. Brennick", "Tobias Wren", "a1"), st("Harold T. Brennick", "Tobias Wren", "a2"),
                   st("Harold Brennick", "Tobias Wren", "a3",
                      source_mention="Senator Harold T. Brennick")])  # fmt: skip
    assert out == ["Harold Q. T. Brennick", "Harold T. Brennick", "Harold T. Brennick"]


def test_generational_suffixes_keep_father_and_son_apart():
    out = sources([st("Arthur Pellam Jr.", "Tobias Wren", "a1"), st("Arthur Pellam", "Tobias Wren", "a2")])
    assert out == ["Arthur Pellam Jr.", "Arthur Pellam"]


def test_transliteration_diacritics_and_particles():
    out = sources([st("Oleksandr Dovzhenskiy", "Tobias Wren", "a1"), st("Oleksandr Dovzhenskyy", "Tobias Wren", "a2"),
                   st("Oleksandr Dovzhensky", "Tobias Wren", "a3"), st("Dovzhensky", "Tobias Wren", "a4")])  # fmt: skip
    assert len(set(out)) == 1
    assert len(set(sources([st("José Almirón", "Tobias Wren", "a1"), st("Jose Almiron", "Tobias Wren", "a2")]))) == 1
    out = sources([st("Karim al-Mansouri", "Tobias Wren", "a1"), st("Karim Mansouri", "Tobias Wren", "a2"),
                   st("al-Mansouri", "Tobias Wren", "a3"), st("Mansouri", "Tobias Wren", "a4")])  # fmt: skip
    assert len(set(out)) == 1
    assert len(set(sources([st("Ursel von der Brucke", "Tobias Wren", "a1"),
                            st("von der Brucke", "Tobias Wren", "a2")]))) == 1  # fmt: skip


def test_name_parts():
    p = parse_person("Sen. Ursel von der Brucke III")
    assert (p.first, p.particles, p.surname, p.suffix) == ("ursel", ("von", "der"), "brucke", "iii")
    assert spelling_key("the Zelva–Drin Front’s") == spelling_key("Zelva Drin front")
    assert not same_person(parse_person("Eliza Crane"), parse_person("Elena Crane"))
    assert same_person(parse_person("Liz Crane"), parse_person("Elizabeth Crane"))


# --------------------------------------------------------------------------- short forms


def test_a_bare_surname_joins_the_only_person_of_that_surname():
    out = sources([st("Margaret Okafor", "Tobias Wren", "a1"), st("Okafor", "Tobias Wren", "a2"),
                   st("Sen. Okafor", "Tobias Wren", "a3")])  # fmt: skip
    assert out == ["Margaret Okafor"] * 3


def test_an_ambiguous_surname_joins_nothing_without_role_or_article():
    out = sources([st("Margaret Okafor", "Tobias Wren", "a1"), st("Daniel Okafor", "Tobias Wren", "a2"),
                   st("Okafor", "Tobias Wren", "a3")])  # fmt: skip
    assert out[2] == "Okafor"


def test_the_role_picks_the_only_person_known_in_it_for_the_whole_article():
    out = sources([st("Margaret Okafor", "Tobias Wren", "a1", source_role="senator"),
                   st("Daniel Okafor", "Tobias Wren", "a2", source_role="mayor"),
                   st("Okafor", "Tobias Wren", "a3", source_role="senator"),
                   st("Okafor", "Lena Hart", "a3"),
                   st("Okafor", "Tobias Wren", "a4", source_role="governor")])  # fmt: skip
    assert out[2:] == ["Margaret Okafor", "Margaret Okafor", "Okafor"]


def test_the_article_picks_the_only_one_it_names():
    out = sources([st("Margaret Okafor", "Tobias Wren", "a1"), st("Daniel Okafor", "Tobias Wren", "a2"),
                   st("Tobias Wren", "Daniel Okafor", "a3"), st("Okafor", "Lena Hart", "a3")])  # fmt: skip
    assert out[3] == "Daniel Okafor"


def test_a_bare_first_name_joins_only_through_its_article():
    out = sources([st("Margaret Okafor", "Tobias Wren", "a1"), st("Margaret", "Lena Hart", "a1"),
                   st("Margaret", "Lena Hart", "a2")])  # fmt: skip
    assert out[1:] == ["Margaret Okafor", "Margaret"]


def test_pronouns_and_phrases_are_never_names():
    data = [st("Li He", "Tobias Wren", "a1"), st("He", "Lena Hart", "a2"), st("it", "Lena Hart", "a3"),
            st("the two sides", "Lena Hart", "a4", source_type="group"),
            st("Two Sides", "Lena Hart", "a5", source_type="group")]  # fmt: skip
    assert sources(data) == ["Li He", "He", "it", "the two sides", "Two Sides"]


def test_people_and_bodies_of_one_name_stay_apart():
    out = sources([st("Margaret Okafor", "Tobias Wren", "a1"),
                   st("Okafor", "Tobias Wren", "a2", source_type="organisation")])  # fmt: skip
    assert out == ["Margaret Okafor", "Okafor"]


# --------------------------------------------------------------------------- bodies


def test_bodies_join_by_spelling_only_unless_the_gazetteer_says_so():
    data = [st("Blue Alliance", "Tobias Wren", "a1", source_type="group"),
            st("the Blue-Alliance", "Tobias Wren", "a2", source_type="group"),
            st("Blue Alliance", "Lena Hart", "a3", source_type="group"),
            st("Greens", "Tobias Wren", "a4", source_type="group"),
            st("Green League", "Tobias Wren", "a5", source_type="group")]  # fmt: skip
    assert sources(data) == ["Blue Alliance"] * 3 + ["Greens", "Green League"]
    gaz = Gazetteer([Entry("Green League", "group", aliases=["Greens"])])
    assert [s.source for s in join_names(data, gaz)][3:] == ["Green League", "Green League"]


# --------------------------------------------------------------------------- statements


def test_mentions_stay_as_written_and_affiliations_follow_the_join():
    data = [st("Margaret Okafor", "Tobias Wren", "a1"),
            st("Okafor", "Tobias Wren", "a2", source_mention="Ms. Okafor"),
            st("Lena Hart", "Tobias Wren", "a3", source_affiliation="the Blue-Alliance"),
            st("Blue Alliance", "Tobias Wren", "a4", source_type="group")]  # fmt: skip
    out = join_names(data)
    assert (out[1].source, out[1].source_mention) == ("Margaret Okafor", "Ms. Okafor")
    assert out[1].id != data[1].id and out[1].id == join_names(data)[1].id
    assert out[2].source_affiliation == "Blue Alliance"


def test_self_stances_are_dropped_and_statements_made_identical_kept_once():
    data = [st("Margaret Okafor", "Tobias Wren", "a1"), st("Okafor", "Margaret Okafor", "a2"),
            st("Okafor", "Lena Hart", "a3", start=0), st("Margaret Okafor", "Lena Hart", "a3", start=0)]  # fmt: skip
    out = join_names(data)
    assert [(s.source, s.target, s.article_id) for s in out] == [
        ("Margaret Okafor", "Tobias Wren", "a1"), ("Margaret Okafor", "Lena Hart", "a3")]  # fmt: skip


def test_statements_identical_before_the_join_are_left_alone():
    a = st("Lena Hart", "Tobias Wren", "a1", start=0)
    assert join_names([a, a]) == [a, a]


def test_order_independent_and_idempotent():
    names = ["Margaret Okafor", "Peggy Okafor", "Okafor", "Daniel Okafor", "Jerry Nadlow", "Jerrold Nadlow",
             "Harold Brennick", "Harold T. Brennick", "Oleksandr Dovzhenskiy", "Dovzhensky", "Margaret"]  # fmt: skip
    rng = random.Random(7)
    data = [st(rng.choice(names), rng.choice(["Tobias Wren", "Lena Hart"]), f"a{rng.randrange(6)}",
               source_role=rng.choice([None, "senator", "mayor"])) for _ in range(200)]  # fmt: skip
    once = join_names(data)
    shuffled = data[:]
    rng.shuffle(shuffled)
    assert sorted(s.id for s in join_names(shuffled)) == sorted(s.id for s in once)
    assert join_names(once) == once


def test_a_bad_name_parts_row_names_its_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "name_parts.csv").write_text("kind,form,normal,note\nparticle,van,,\nsurname,x,,\n", encoding="utf-8")
    monkeypatch.setenv("ACTORGRAPH_LEXICON", str(tmp_path))
    name_rules.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"name_parts\.csv, line 3: kind must be"):
            name_rules()
    finally:
        monkeypatch.delenv("ACTORGRAPH_LEXICON")
        name_rules.cache_clear()


# --------------------------------------------------------------------------- where it runs


def _save(path: Path, statements) -> str:
    path.write_text("".join(json.dumps(s.to_dict()) + "\n" for s in statements), encoding="utf-8")
    return str(path)


def test_export_joins_names_across_saved_files_unless_no_join(tmp_path):
    a = _save(tmp_path / "a.jsonl", [st("Margaret Okafor", "Tobias Wren", "a1")])
    b = _save(tmp_path / "b.jsonl", [st("Peggy Okafor", "Lena Hart", "a2"), st("Okafor", "Lena Hart", "a3")])
    out = tmp_path / "g.json"
    assert main(["export", "--from", a, "--from", b, "-o", str(out)]) == 0
    nodes = {n["id"] for n in json.loads(out.read_text(encoding="utf-8"))["nodes"]}
    assert nodes == {"Margaret Okafor", "Tobias Wren", "Lena Hart"}
    assert main(["export", "--from", a, "--from", b, "--no-join", "-o", str(out)]) == 0
    nodes = {n["id"] for n in json.loads(out.read_text(encoding="utf-8"))["nodes"]}
    assert {"Peggy Okafor", "Okafor"} <= nodes


def test_extract_has_the_no_join_flag():
    assert build_parser().parse_args(["extract", "x.txt", "--no-join"]).no_join
    assert not build_parser().parse_args(["extract", "x.txt"]).no_join


def test_the_app_joins_names_across_its_loads(tmp_path, monkeypatch):
    import os

    from streamlit.testing.v1 import AppTest

    a = _save(tmp_path / "a.jsonl", [st("Margaret Okafor", "Tobias Wren", "a1")])
    b = _save(tmp_path / "b.jsonl", [st("Peggy Okafor", "Lena Hart", "a2"), st("Okafor", "Lena Hart", "a3")])
    monkeypatch.setenv("ACTORGRAPH_STATEMENTS", os.pathsep.join([a, b]))
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)
    app = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    actors = {m.label: int(m.value) for m in app.metric}["Actors"]
    assert actors == 3  # Margaret Okafor (as Peggy, Okafor too), Tobias Wren, Lena Hart


def test_a_lone_nickname_is_a_first_name_not_a_surname():
    out = sources([st("Harbour Bill", "Tobias Wren", "a1"), st("Bill", "Lena Hart", "a2"),
                   st("William Stroud", "Lena Hart", "a3"), st("Bill", "Tobias Wren", "a3")])  # fmt: skip
    assert out == ["Harbour Bill", "Bill", "William Stroud", "William Stroud"]


def test_extract_joins_names_across_its_articles_unless_no_join(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Vote\n\nSenator Margaret Okafor criticised Tobias Wren on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Budget\n\nSenator Peggy Okafor criticised Lena Hart on Tuesday.\n", encoding="utf-8")
    runs = {}
    for flag in ([], ["--no-join"]):
        assert main(["extract", str(tmp_path), *flag]) == 0
        runs[bool(flag)] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    joined, apart = runs[False], runs[True]
    assert {r["source"] for r in apart} == {"Margaret Okafor", "Peggy Okafor"}
    assert {r["source"] for r in joined} == {"Margaret Okafor"}
    assert [r["source_mention"] for r in joined] == [r["source_mention"] for r in apart]


def test_a_leaders_regime_its_article_could_not_place_is_the_state_the_corpus_gives_him():
    corpus = [
        st("Petar Valko", "Ruritania", "a1", target_type="country", source_affiliation="Borduria"),
        st("Borduria", "Ruritania", "a1", source_type="country", target_type="country"),
        st("Ruritania", "Valko regime", "a2", source_type="country", target_type="country"),
        st("Ruritania", "Marsh administration", "a2", source_type="country", target_type="country"),
    ]
    targets = [s.target for s in join_names(corpus)]
    assert targets[2] == "Borduria"
    assert targets[3] == "Marsh administration"  # no person of that surname: stays as written


def test_a_regime_of_a_surname_two_people_share_stays_as_written():
    corpus = [
        st("Petar Valko", "Ruritania", "a1", target_type="country", source_affiliation="Borduria"),
        st("Ana Valko", "Ruritania", "a3", target_type="country", source_affiliation="Ruritania"),
        st("Borduria", "Ruritania", "a1", source_type="country", target_type="country"),
        st("Ruritania", "Valko regime", "a2", source_type="country", target_type="country"),
    ]
    assert [s.target for s in join_names(corpus)][3] == "Valko regime"


def test_the_name_written_in_more_articles_wins_over_one_article_that_repeats_another():
    one_article = [st("Margaret Okafor", f"Tobias Wren {i}", "a1") for i in range(4)]
    others = [st("Peggy Okafor", "Tobias Wren", "a2"), st("Peggy Okafor", "Tobias Wren", "a3")]
    assert set(sources(one_article + others)) == {"Peggy Okafor"}
