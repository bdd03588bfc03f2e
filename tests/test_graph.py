"""The statements frame and the two graphs built from it."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from actorgraph import graph
from actorgraph.analysis import annotate
from actorgraph.readwrite.statements import COLUMNS, read_statements

FIXTURE = Path(__file__).parent / "fixtures" / "statements.jsonl"


@pytest.fixture(scope="module")
def statements():
    return list(read_statements(FIXTURE))


@pytest.fixture(scope="module")
def df(statements):
    return graph.statements_frame(statements)


def test_frame_columns_types_and_missing_values(df, statements):
    assert list(df.columns) == COLUMNS
    assert len(df) == len(statements)
    assert df["id"].tolist() == [s.id for s in statements]
    assert df["sign"].dtype == "int64" and df["confidence"].dtype == "float64"
    undated = [s.id for s in statements if s.date is None]
    assert undated and df.set_index("id").loc[undated, "date"].tolist() == [None] * len(undated)


def test_frame_drops_repeated_statements(statements):
    assert len(graph.statements_frame(statements + statements[:3])) == len(statements)


def test_frame_round_trips_to_records(df, statements):
    assert graph.frame_statements(df) == statements
    again = graph.frame_from_records(s.to_dict() for s in statements)
    pd.testing.assert_frame_equal(again, df)


def test_multigraph_has_one_edge_per_statement(df):
    M = graph.build_multigraph(df)
    assert M.number_of_edges() == len(df)
    for row in df.itertuples(index=False):
        d = M.edges[row.source, row.target, row.id]
        assert (d["quote"], d["stance"], d["sign"], d["relation"]) == (row.quote, row.stance, row.sign, row.relation)
        assert (d["article_id"], d["title"], d["date"], d["path"], d["url"]) == (
            row.article_id, row.title, row.date, row.path, row.url,
        )  # fmt: skip
        assert d["confidence"] == row.confidence and d["weight"] == 1


def test_aggregated_edges_match_groups(df):
    G = graph.build_graph(df)
    groups = df.groupby(["source", "target", "stance"])
    assert G.number_of_edges() == groups.ngroups
    assert sum(w for *_, w in G.edges(data="weight")) == len(df)
    for (s, t, stance), rows in groups:
        d = G.edges[s, t, stance]
        assert d["weight"] == len(rows)
        assert d["sign"] == rows["sign"].iloc[0]
        assert sorted(d["statement_ids"]) == sorted(rows["id"])
        assert set(d["quotes"]) == set(rows["quote"]) and len(d["quotes"]) == rows["quote"].nunique()
        assert set(d["relations"]) == set(rows["relation"])
        assert d["articles"] == list(dict.fromkeys(d["articles"]))  # distinct
        assert set(d["articles"]) == set(rows["article_id"])
        titles = dict(zip(rows["article_id"], rows["title"]))
        assert d["titles"] == [titles[a] for a in d["articles"]]
        assert d["confidence"] == pytest.approx(rows["confidence"].mean())
        dates = rows["date"].dropna()
        assert d["first_date"] == (dates.min() if len(dates) else None)
        assert d["last_date"] == (dates.max() if len(dates) else None)
        refs = {u or p for p, u in zip(rows["path"], rows["url"])}
        assert set(d["sources"]) == refs


def test_aggregated_lists_are_in_time_order(df):
    G = graph.build_graph(df)
    for *_, d in G.edges(data=True):
        if d["weight"] > 1:
            dates = df.set_index("id").loc[d["statement_ids"], "date"].fillna("9999").tolist()
            assert dates == sorted(dates)
            break
    else:
        pytest.fail("fixture needs an edge with two statements")


def test_edges_without_any_dated_statement_have_no_dates(statements):
    undated = [dataclasses.replace(s, date=None) for s in statements[:4]]
    G = graph.build_graph(graph.statements_frame(undated))
    assert G.number_of_edges() > 0
    assert all(d["first_date"] is None and d["last_date"] is None for *_, d in G.edges(data=True))


def test_first_and_last_dates_skip_undated_statements(statements):
    first = dataclasses.replace(statements[0], date="2014-03-02")
    later = dataclasses.replace(first, date="2014-05-06", start=first.start + 1)
    undated = dataclasses.replace(first, date=None, start=first.start + 2)
    blank = dataclasses.replace(first, date="", start=first.start + 3)
    G = graph.build_graph(graph.statements_frame([undated, later, blank, first]))
    d = G.edges[first.source, first.target, first.stance]
    assert (d["weight"], d["first_date"], d["last_date"]) == (4, "2014-03-02", "2014-05-06")


def test_same_pair_can_both_support_and_oppose(statements):
    first = statements[0]
    flipped = dataclasses.replace(first, stance="opposes", sign=-1, relation="criticism", start=first.start + 1)
    G = graph.build_graph(graph.statements_frame([first, flipped]))
    assert set(G[first.source][first.target]) == {"supports", "opposes"}
    assert G.edges[first.source, first.target, "opposes"]["sign"] == -1


def test_node_attributes_count_the_statements(df):
    G = graph.build_graph(df)
    actors = set(df["source"]) | set(df["target"])
    assert set(G) == actors
    for actor in actors:
        d = G.nodes[actor]
        given, received = df[df["source"] == actor], df[df["target"] == actor]
        assert d["name"] == actor
        assert d["supports_given"] == (given["stance"] == "supports").sum()
        assert d["opposes_given"] == (given["stance"] == "opposes").sum()
        assert d["supports_received"] == (received["stance"] == "supports").sum()
        assert d["opposes_received"] == (received["stance"] == "opposes").sum()
        said = {(r.article_id, r.sentence_index, r.source_mention) for r in given.itertuples()} | {
            (r.article_id, r.sentence_index, r.target_mention) for r in received.itertuples()
        }
        assert d["mentions"] == len(said) <= len(given) + len(received)
        assert d["articles"] == len(set(given["article_id"]) | set(received["article_id"]))
        seen = set(given["source_mention"]) | set(received["target_mention"])
        assert set(d["aliases"]) == seen - {actor, ""}
        types = pd.concat([given["source_type"], received["target_type"]])
        assert d["type"] == types.mode().iloc[0]
        for key in ("weighted_degree", "pagerank", "camp"):
            assert key in d


def test_person_nodes_carry_affiliation_and_role(df):
    G = graph.build_graph(df)
    people = df[df["target_affiliation"].notna()]
    row = people.iloc[0]
    assert G.nodes[row.target]["affiliation"] == row.target_affiliation
    assert G.nodes[row.target]["role"] == row.target_role
    countries = [n for n, t in G.nodes(data="type") if t == "country"]
    assert all(G.nodes[c]["affiliation"] is None for c in countries)


def test_both_graphs_share_node_attributes(df):
    G, M = graph.build_graph(df), graph.build_multigraph(df)
    assert dict(G.nodes(data=True)) == dict(M.nodes(data=True))


def test_graph_without_evidence_is_the_graph_less_its_evidence_lists(df):
    full, light = graph.build_graph(df), graph.build_graph(df, evidence=False)
    assert dict(light.nodes(data=True)) == dict(full.nodes(data=True)) and light.graph == full.graph
    assert list(light.edges(keys=True)) == list(full.edges(keys=True))
    for u, v, k, d in full.edges(keys=True, data=True):
        assert set(graph.EVIDENCE_ATTRIBUTES) <= set(d) and d["quotes"]
        assert light.edges[u, v, k] == {a: x for a, x in d.items() if a not in graph.EVIDENCE_ATTRIBUTES}


def test_annotate_returns_a_copy_unless_inplace(df):
    G = graph.build_graph(df)
    for n in G:
        G.nodes[n]["camp"] = 99
    H = annotate(G)
    assert H is not G
    assert all(c == 99 for _, c in G.nodes(data="camp"))
    assert all(c != 99 for _, c in H.nodes(data="camp"))


def test_empty_frame_builds_empty_graphs():
    empty = graph.statements_frame([])
    assert list(empty.columns) == COLUMNS
    assert graph.build_graph(empty).number_of_nodes() == 0
    assert graph.build_multigraph(empty).number_of_edges() == 0


def test_add_isolated_describes_actor_with_zero_counts(df):
    lone = df["source"].iloc[0]
    G = graph.build_graph(df[(df["source"] != lone) & (df["target"] != lone)])
    assert lone not in G
    H = graph.add_isolated(G, df, [lone])
    assert lone not in G and lone in H
    assert H.degree(lone) == 0 and H.nodes[lone]["mentions"] == 0
    assert H.nodes[lone]["type"] == df["source_type"].iloc[0]


def test_mentions_count_occurrences_not_statements(statements):
    """Two stances in one sentence ("X backed Y and condemned Z") are one mention of X."""
    base = statements[0]
    twin = dataclasses.replace(base, target=base.target + " II", stance="opposes", sign=-1, relation="opposes")
    later = dataclasses.replace(base, sentence_index=base.sentence_index + 5, start=base.start + 500, end=base.end + 500)
    G = graph.build_graph(graph.statements_frame([base, twin, later]))
    d = G.nodes[base.source]
    assert d["supports_given"] + d["opposes_given"] == 3
    assert d["mentions"] == 2


class _SameHash(str):
    """A string whose hash collides with every other one's: the per-edge quote lists must not trust hashes."""

    def __hash__(self) -> int:
        return 7


def test_quotes_stay_distinct_when_their_hashes_collide(df):
    colliding = df.copy()
    colliding["quote"] = [_SameHash(q) for q in df["quote"]]
    plain, hashed = graph.build_graph(df), graph.build_graph(colliding)
    assert [d["quotes"] for *_, d in hashed.edges(data=True)] == [d["quotes"] for *_, d in plain.edges(data=True)]
    assert any(len(d["quotes"]) > 1 for *_, d in plain.edges(data=True))


def test_shared_and_distinct_string_objects_give_the_same_graph(df):
    """Columns are coded by object address when rows share strings: copies of the strings must not change the graph."""
    big = pd.concat([df] * (2048 // len(df) + 1), ignore_index=True)
    big["id"] = [f"{i}:{s}" for i, s in enumerate(big["id"])]
    copied = big.copy()
    for c in copied.columns:
        if copied[c].dtype == object:
            copied[c] = [v.encode().decode() if isinstance(v, str) else v for v in copied[c]]
    shared, fresh = graph.build_graph(big), graph.build_graph(copied)
    assert list(shared.edges(keys=True, data=True)) == list(fresh.edges(keys=True, data=True))
    assert list(shared.nodes(data=True)) == list(fresh.nodes(data=True))


def test_frame_makes_equal_strings_one_object(statements):
    """Statements read from a file hold a string object per row; the frame keeps one object per
    value (so later graph builds code them by address), and the same values, None included."""
    copies = [dataclasses.replace(s, start=s.start + 100_000 * i, end=s.end + 100_000 * i, title=s.title.encode().decode(), path=None if i % 3 else s.path)
              for i, s in enumerate(statements * (2048 // len(statements) + 1))]  # fmt: skip
    frame = graph.statements_frame(copies)
    assert len({id(t) for t in frame["title"]}) == frame["title"].nunique() < len({id(s.title) for s in copies})
    assert frame["title"].tolist() == [s.title for s in copies]
    assert frame["path"].tolist() == [s.path for s in copies] and frame["path"].isna().any()
    assert len({id(q) for q in frame["quote"]}) == len({id(s.quote) for s in copies})  # mostly distinct: as given


def _reference_edges(df):
    """The aggregated edges' lists worked out row by row in plain Python (time order as sort_values)."""
    rows = df.sort_values(["date", "article_id", "start"], na_position="last", kind="stable")
    edges = {}
    for r in rows.to_dict("records"):
        e = edges.setdefault((r["source"], r["target"], r["stance"]), {"ids": [], "quotes": [], "articles": []})
        e["ids"].append(r["id"])
        if r["quote"] not in e["quotes"]:
            e["quotes"].append(r["quote"])
        if r["article_id"] not in e["articles"]:
            e["articles"].append(r["article_id"])
    return edges


def test_large_frame_edges_equal_a_row_by_row_reference(df):
    """Past the sizes where the builder switches to its fast paths (parent-coded dates and titles,
    sorted packed keys, per-edge slices): a row whose date differs from its article's, a column of
    one object, equal quotes held by different string objects, all give the plain answer."""
    big = pd.concat([df] * (3000 // len(df) + 1), ignore_index=True)
    big["id"] = [f"{i}:{s}" for i, s in enumerate(big["id"])]
    big["start"] = range(len(big), 0, -1)  # later rows first within a day: the time order is not row order
    big["url"] = None
    big["quote"] = [q.encode().decode() if i % 2 else q for i, q in enumerate(big["quote"])]
    big.loc[7, "date"] = "1999-01-01"  # one statement dated apart from its article
    G = graph.build_graph(big)
    want = _reference_edges(big)
    assert len(want) == G.number_of_edges()
    for u, v, k, d in G.edges(keys=True, data=True):
        w = want[(u, v, k)]
        assert (d["statement_ids"], d["quotes"], d["articles"]) == (w["ids"], w["quotes"], w["articles"])
        assert d["weight"] == len(w["ids"]) and d["rules"] == [] and d["sources"] == sorted(set(d["sources"]), key=d["sources"].index)
    assert "1999-01-01" in {d["first_date"] for *_, d in G.edges(data=True)}


def test_coded_columns_equal_pandas_factorize(df):
    """Every way ``_Coded`` numbers a column (through its parent, one object, shared objects, hashes)
    gives ``pd.factorize``'s codes and values."""
    big = pd.concat([df] * (3000 // len(df) + 1), ignore_index=True)
    big.loc[5, "title"] = big.loc[5, "title"] + " (updated)"  # an article whose title changes: parent check fails
    big["source_role"] = None
    coded = graph._Coded(big)
    for column in ("date", "title", "path", "source_type", "source_role", "quote", "id", "source", "article_id"):
        codes, uniques = coded(column)
        want_codes, want_uniques = pd.factorize(big[column].to_numpy(dtype=object))
        assert codes.tolist() == want_codes.tolist() and list(uniques) == list(want_uniques), column
