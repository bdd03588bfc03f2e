"""Each filter on the fixture statements, checked against an independent computation."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from actorgraph import graph
from actorgraph.filters import Filters, apply, choices, filter_frame, filtered_graph, resolve_actor
from actorgraph.readwrite.statements import read_statements

FIXTURE = Path(__file__).parent / "fixtures" / "statements.jsonl"


@pytest.fixture(scope="module")
def df():
    return graph.statements_frame(read_statements(FIXTURE))


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["id"])


def test_no_filter_keeps_everything_and_copies(df):
    before = df.copy()
    out = filter_frame(df, Filters())
    assert ids(out) == ids(df) and out is not df
    out.loc[out.index[0], "quote"] = "changed"
    pd.testing.assert_frame_equal(df, before)


def test_stance(df):
    out = filter_frame(df, Filters(stances=("opposes",)))
    assert ids(out) == ids(df[df["stance"] == "opposes"]) and len(out) < len(df)


def test_relations(df):
    kinds = tuple(df["relation"].value_counts().index[:2])
    assert ids(filter_frame(df, Filters(relations=kinds))) == ids(df[df["relation"].isin(kinds)])


def test_actor_types_need_both_ends(df):
    out = filter_frame(df, Filters(actor_types=("country",)))
    assert len(out) and (out["source_type"] == "country").all() and (out["target_type"] == "country").all()
    assert ids(out) == ids(df[(df["source_type"] == "country") & (df["target_type"] == "country")])


def test_date_range_is_inclusive_and_takes_prefixes(df):
    dates = sorted(df["date"].dropna().unique())
    lo, hi = dates[0], dates[-1]
    out = filter_frame(df, Filters(date_from=lo, date_to=lo))
    assert ids(out) == ids(df[df["date"] == lo])
    month = hi[:7]
    assert ids(filter_frame(df, Filters(date_from=month))) == ids(df[df["date"].fillna("") >= month])
    everything_dated = filter_frame(df, Filters(date_from=lo[:4], date_to=hi[:4]))
    assert ids(everything_dated) == ids(df[df["date"].notna()])  # undated statements drop out
    assert ids(filter_frame(df, Filters(date_to=dt.date.fromisoformat(lo)))) == ids(df[df["date"] == lo])


def test_articles_and_sources(df):
    article = df["article_id"].iloc[0]
    assert ids(filter_frame(df, Filters(articles=[article]))) == ids(df[df["article_id"] == article])
    url = df["url"].dropna().iloc[0]
    path = df["path"].dropna().iloc[0]
    out = filter_frame(df, Filters(sources=(url, path)))
    assert ids(out) == ids(df[(df["url"] == url) | (df["path"] == path)])


def test_min_weight_counts_statements_per_aggregated_edge(df):
    out = filter_frame(df, Filters(min_weight=2))
    size = df.groupby(["source", "target", "stance"])["id"].transform("size")
    assert len(out) and ids(out) == ids(df[size >= 2])
    G = filtered_graph(df, Filters(min_weight=2))
    assert all(w >= 2 for *_, w in G.edges(data="weight"))


def test_min_weight_applies_after_the_other_filters(df):
    heavy = df.groupby(["source", "target", "stance"])["id"].transform("size") >= 2
    one_article = df.loc[heavy, "article_id"].iloc[0]
    assert filter_frame(df, Filters(min_weight=2, articles=(one_article,))).empty


def test_min_confidence(df):
    out = filter_frame(df, Filters(min_confidence=0.8))
    assert ids(out) == ids(df[df["confidence"] >= 0.8]) and len(out) < len(df)


def test_search_matches_names_and_written_aliases(df):
    row = df[df["source_mention"] != df["source"]].iloc[0]
    alias_part = row.source_mention[1:-1].upper()  # case-insensitive substring of an alias
    out = filter_frame(df, Filters(search=alias_part))
    assert len(out) and ((out["source"] == row.source) | (out["target"] == row.source)).all()
    name_part = df["target"].iloc[0][-4:].lower()
    hit = df["source"].str.lower().str.contains(name_part) | df["target"].str.lower().str.contains(name_part)
    assert ids(filter_frame(df, Filters(search=name_part))) >= ids(df[hit])
    assert filter_frame(df, Filters(search="no such actor anywhere")).empty


@pytest.mark.parametrize("hops", [0, 1, 2])
def test_focus_keeps_the_ego_network(df, hops):
    actor = df["source"].value_counts().index[-1]  # a peripheral actor makes hops matter
    U = nx.Graph(list(zip(df["source"], df["target"])))
    ego = set(nx.ego_graph(U, actor, radius=hops))
    out = filter_frame(df, Filters(focus=actor, hops=hops))
    assert ids(out) == ids(df[df["source"].isin(ego) & df["target"].isin(ego)])


def test_focus_by_alias_and_unknown_focus(df):
    row = df[df["source_mention"] != df["source"]].iloc[0]
    assert resolve_actor(df, row.source_mention.lower()) == row.source
    assert resolve_actor(df, row.source.upper()) == row.source
    assert resolve_actor(df, "Atlantis") is None
    assert filter_frame(df, Filters(focus="Atlantis")).empty


def test_top_n_keeps_statements_among_the_busiest_actors(df):
    counts = pd.concat([df["source"], df["target"]]).value_counts()
    top = set(sorted(counts.index, key=lambda a: (-counts[a], a))[:3])
    out = filter_frame(df, Filters(top_n=3))
    assert ids(out) == ids(df[df["source"].isin(top) & df["target"].isin(top)])


def test_isolated_actors_only_on_request(df):
    counts = pd.concat([df["source"], df["target"]]).value_counts()
    ranked = sorted(counts.index, key=lambda a: (-counts[a], a))
    gained = 0
    for n in range(1, len(ranked)):
        _, G = apply(df, Filters(top_n=n))
        assert all(G.degree(v) > 0 for v in G)
        H = filtered_graph(df, Filters(top_n=n, drop_isolated=False))
        assert set(H) == set(ranked[:n]) >= set(G)
        for v in set(H) - set(G):
            assert H.degree(v) == 0 and H.nodes[v]["mentions"] == 0
            gained += 1
    assert gained  # some cut left a top actor without edges


def test_keep_isolated_with_actor_types_keeps_every_actor_of_those_types(df):
    f = Filters(actor_types=("country",), stances=("supports",), drop_isolated=False)
    G = filtered_graph(df, f)
    countries = set(df.loc[df["source_type"] == "country", "source"]) | set(
        df.loc[df["target_type"] == "country", "target"]
    )
    assert set(G) == countries
    assert any(G.degree(n) == 0 for n in G)


def test_filters_combine(df):
    f = Filters(stances=("opposes",), min_confidence=0.8, actor_types=("country", "person"))
    out = filter_frame(df, f)
    expected = df[
        (df["stance"] == "opposes")
        & (df["confidence"] >= 0.8)
        & df["source_type"].isin(["country", "person"])
        & df["target_type"].isin(["country", "person"])
    ]
    assert len(out) and ids(out) == ids(expected)


def test_filters_are_hashable_and_normalise_lists():
    a = Filters(stances=["supports"], articles="a1", date_from=dt.date(2015, 8, 1))
    assert a == Filters(stances=("supports",), articles=("a1",), date_from="2015-08-01")
    assert hash(a) == hash(Filters(stances=("supports",), articles=("a1",), date_from="2015-08-01"))
    assert Filters().is_default() and not a.is_default()


def test_choices_describe_the_unfiltered_statements(df):
    c = choices(df)
    assert c["stances"] == sorted(df["stance"].unique())
    assert set(c["actors"]) == set(df["source"]) | set(df["target"])
    assert c["date_min"] == df["date"].dropna().min() and c["date_max"] == df["date"].dropna().max()
    assert c["articles"] == dict(sorted(zip(df["article_id"], df["title"]), key=lambda kv: (kv[1], kv[0])))
    assert c["max_weight"] == df.groupby(["source", "target", "stance"]).size().max()
    assert set(c["actor_types"]) == set(df["source_type"]) | set(df["target_type"])


def test_quote_search_keeps_statements_whose_sentence_contains_the_text(df):
    word = df["quote"].iloc[0].split()[1]
    out = filter_frame(df, Filters(quote=word.upper()))
    assert len(out) and out["quote"].str.lower().str.contains(word.lower(), regex=False).all()
    assert len(out) == df["quote"].str.lower().str.contains(word.lower(), regex=False).sum()
    assert filter_frame(df, Filters(quote="no sentence says this")).empty
