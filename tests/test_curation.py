"""Curation: every operation, undo/redo, and corrections surviving re-extraction."""
from __future__ import annotations

import pytest
from store_fixtures import article, filled_store, statements_of

from actorgraph import curation as cur
from actorgraph.graph import build_graph, build_multigraph


@pytest.fixture
def store(tmp_path):
    return filled_store(tmp_path / "c.db")


def frame(store, **kw):
    return cur.curated_frame(store, **kw)


def sid(store, source, target):
    df = frame(store, include_rejected=True)
    rows = df[(df["source"] == source) & (df["target"] == target)]
    return rows["id"].iloc[0]


def test_no_corrections_is_the_stored_frame(store):
    df = frame(store)
    raw = store.statements_frame()
    assert df["id"].tolist() == raw["id"].tolist()
    assert not df["corrected"].any() and not df["manual"].any()


def test_merge_makes_one_node_with_the_old_name_as_alias_and_unmerge_restores(store):
    assert {"Ada Varga", "Adka Varga"} <= set(build_graph(frame(store)).nodes)
    cur.merge(store, "Adka Varga", "Ada Varga", note="same person")
    G = build_graph(frame(store))
    assert "Adka Varga" not in G and "Adka Varga" in G.nodes["Ada Varga"]["aliases"]
    assert G.nodes["Ada Varga"]["mentions"] == 2 * 2  # two articles, two statements each
    assert G.edges["Ada Varga", "Southria", "opposes"]["corrected"] == 2
    cur.unmerge(store, "Adka Varga")
    G = build_graph(frame(store))
    assert {"Ada Varga", "Adka Varga"} <= set(G.nodes)
    assert G.edges["Adka Varga", "Southria", "opposes"]["corrected"] == 0


def test_merge_checks_names(store):
    with pytest.raises(cur.CurationError, match="no actor named 'Vraga'"):
        cur.merge(store, "Vraga", "Ada Varga")
    with pytest.raises(cur.CurationError, match="itself"):
        cur.merge(store, "Adka Varga", "Adka Varga")
    with pytest.raises(cur.CurationError, match="never merged"):
        cur.unmerge(store, "Norland")
    assert store.corrections() == []


def test_rename_then_merge_chain(store):
    cur.rename(store, "Norland", "Kingdom of Norland")
    cur.merge(store, "Eastmark", "Kingdom of Norland")
    df = frame(store)
    assert "Norland" not in set(df["source"]) | set(df["target"])
    assert (df["source"] == "Kingdom of Norland").sum() == 2 + 2  # its own and Eastmark's
    # Norland's self-loop via the merge: "Norland backed Eastmark" now has one actor at both ends
    G = build_graph(df)
    assert G.has_edge("Kingdom of Norland", "Kingdom of Norland")


def test_retype_and_set_actor(store):
    cur.retype(store, "Southria", "group")
    cur.set_actor(store, "Ada Varga", affiliation="Norland", role="foreign minister")
    G = build_graph(frame(store))
    assert G.nodes["Southria"]["type"] == "group"
    assert (G.nodes["Ada Varga"]["affiliation"], G.nodes["Ada Varga"]["role"]) == ("Norland", "foreign minister")
    with pytest.raises(cur.CurationError, match="unknown actor type"):
        cur.retype(store, "Southria", "planet")


def test_reject_and_restore(store):
    s = sid(store, "Southria", "Eastmark")
    n = len(frame(store))
    cur.reject(store, s)
    assert s not in set(frame(store)["id"]) and len(frame(store)) == n - 1
    assert frame(store, include_rejected=True).set_index("id").at[s, "rejected"]
    cur.restore(store, s)
    assert s in set(frame(store)["id"])
    with pytest.raises(cur.CurationError, match="no statement"):
        cur.reject(store, "0000")


def test_flip_twice_is_the_original(store):
    s = sid(store, "Eastmark", "Southria")
    cur.flip(store, s)
    row = frame(store).set_index("id").loc[s]
    assert (row["sign"], row["stance"], row["relation"], row["corrected"]) == (1, "supports", "supports", True)
    G = build_graph(frame(store))
    assert G.edges["Eastmark", "Southria", "supports"]["corrected"] == 1
    cur.flip(store, s)
    row = frame(store).set_index("id").loc[s]
    assert (row["sign"], row["relation"], row["corrected"]) == (-1, "condemns", False)


def test_change_relation_source_and_target(store):
    s = sid(store, "Norland", "Eastmark")
    cur.set_relation(store, s, "attacks")
    cur.set_end(store, s, "target", "Westland", "country")
    t = sid(store, "Ada Varga", "Norland")
    cur.set_end(store, t, "source", "Bo Lind", "person")
    df = frame(store).set_index("id")
    assert tuple(df.loc[s, ["relation", "sign", "stance", "target", "target_type"]]) == \
        ("attacks", -1, "opposes", "Westland", "country")  # fmt: skip
    assert df.loc[t, "source"] == "Bo Lind" and df.loc[t, "source_was"] == "Bo Lind"
    with pytest.raises(cur.CurationError, match="unknown relation"):
        cur.set_relation(store, s, "loves")


def test_add_manual_statement_keeps_quote_and_offsets(store):
    art = store.articles()[0]
    sentence = "Southria attacked Eastmark overnight."
    start = art.text.index(sentence)
    c = cur.add_statement(store, art.id, start, start + len(sentence), "Southria", "Norland", "threatens",
                          source_type="country", target_type="country")  # fmt: skip
    df = frame(store)
    row = df[df["manual"]].iloc[0]
    assert row["id"] == c.args["statement"]["id"]
    assert art.text[row["start"]:row["end"]] == row["quote"] == sentence
    assert (row["sign"], row["rule"], row["title"]) == (-1, "manual", art.title)
    G = build_graph(df)
    assert G.edges["Southria", "Norland", "opposes"]["manual"] == 1
    M = build_multigraph(df)
    assert M.edges["Southria", "Norland", row["id"]]["manual"]
    cur.reject(store, row["id"])  # manual statements are statements like the others
    assert not frame(store)["manual"].any()
    with pytest.raises(cur.CurationError, match="outside"):
        cur.add_statement(store, art.id, 0, 10**6, "A", "B", "supports")


def test_undo_redo_over_the_whole_log(store):
    s = sid(store, "Southria", "Eastmark")
    cur.merge(store, "Adka Varga", "Ada Varga")
    cur.reject(store, s)
    names = lambda: set(frame(store)["source"])  # noqa: E731
    cur.undo(store)  # the reject
    assert s in set(frame(store)["id"]) and "Adka Varga" not in names()
    cur.undo(store)  # the merge
    assert "Adka Varga" in names()
    with pytest.raises(cur.CurationError, match="nothing to undo"):
        cur.undo(store)
    cur.redo(store)
    assert "Adka Varga" not in names() and s in set(frame(store)["id"])
    cur.retype(store, "Southria", "group")  # a new edit ends the redo chain
    with pytest.raises(cur.CurationError, match="nothing to redo"):
        cur.redo(store)
    log = store.corrections()
    assert [c.op for c in log] == ["merge", "reject", "undo", "undo", "redo", "retype"]  # nothing deleted
    assert [c.args["target"] for c in log if c.op in ("undo", "redo")] == [2, 1, 1]
    h = cur.history(store)
    assert [(r.seq, r.state) for r in h if r.state] == [(6, "active"), (2, "undone"), (1, "active")]
    assert h[0].text == "retype 'Southria' as group"


def test_corrections_survive_re_extraction_with_new_ids(store):
    s = sid(store, "Southria", "Eastmark")
    cur.reject(store, s)
    cur.merge(store, "Adka Varga", "Ada Varga")
    arts = store.articles()
    # a newer extractor: other relation names, so every statement id changes
    store.add_extracted([(a, statements_of(a, relation_of=lambda r: "opposes" if r in ("attacks", "criticises") else r))
                         for a in arts], "test+2")  # fmt: skip
    raw = store.statements_frame()
    assert s not in set(raw["id"])
    df = frame(store)
    assert not ((df["source"] == "Southria") & (df["target"] == "Eastmark") & (df["article_id"] == arts[0].id)).any()
    assert ((df["source"] == "Southria") & (df["target"] == "Eastmark")).sum() == len(arts) - 1
    assert "Adka Varga" not in set(df["source"])


def test_new_article_after_a_merge_is_merged_too(store):
    cur.merge(store, "Adka Varga", "Ada Varga")
    a = article(99)
    store.add_extracted([(a, statements_of(a))], "test+1")
    df = frame(store)
    assert "Adka Varga" not in set(df["source"]) and (df["article_id"] == a.id).sum() == 5


def test_the_corpus_pass_joins_one_persons_names_before_any_correction(tmp_path):
    from actorgraph.store import Store

    rows = [("Lena Marsh", "person", "praises", 1, "Norland", "country", "Lena Marsh praised Norland warmly."),
            ("Marsh", "person", "criticises", -1, "Southria", "country", "Marsh criticised Southria later.")]
    store = Store(tmp_path / "j.db")
    a = article(1, rows)
    store.add_extracted([(a, statements_of(a, rows))], "test+1")
    assert set(cur.curated_frame(store)["source"]) == {"Lena Marsh"}
    assert set(cur.curated_frame(store, join=False)["source"]) == {"Lena Marsh", "Marsh"}


def test_a_merge_with_no_target_chosen_is_a_clear_error(store):
    with pytest.raises(cur.CurationError, match="choose an actor"):
        cur.merge(store, "Adka Varga", None)


def test_the_joined_frame_is_saved_in_the_store_and_redone_when_statements_change(tmp_path, monkeypatch):
    import pandas as pd

    import actorgraph.identity as identity
    from actorgraph.store import Store

    rows = [("Lena Marsh", "person", "praises", 1, "Norland", "country", "Lena Marsh praised Norland warmly."),
            ("Marsh", "person", "criticises", -1, "Southria", "country", "Marsh criticised Southria later.")]
    store = Store(tmp_path / "c.db")
    a = article(1, rows)
    store.add_extracted([(a, statements_of(a, rows))], "test+1")
    first = cur.joined_frame(store)
    monkeypatch.setattr(identity, "join_names", lambda *a, **k: pytest.fail("joined again"))
    again = cur.joined_frame(Store(tmp_path / "c.db"))  # another process opening the same file
    pd.testing.assert_frame_equal(first, again)
    b = article(2, rows)
    store.add_extracted([(b, statements_of(b, rows))], "test+1")
    with pytest.raises(pytest.fail.Exception, match="joined again"):
        cur.joined_frame(store)  # new statements: the saved frame is stale
