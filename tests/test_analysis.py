"""Analysis on small hand-made signed graphs whose answers are known."""
from __future__ import annotations

import itertools
import random
from pathlib import Path

import networkx as nx
import pytest

from actorgraph import analysis, graph
from actorgraph.readwrite.statements import read_statements

FIXTURE = Path(__file__).parent / "fixtures" / "statements.jsonl"


def signed(*edges: tuple[str, str, int] | tuple[str, str, int, int]) -> nx.MultiDiGraph:
    """Aggregated-style graph from (source, target, sign[, weight])."""
    G = nx.MultiDiGraph()
    for u, v, sign, *w in edges:
        stance = "supports" if sign > 0 else "opposes"
        G.add_edge(u, v, key=stance, stance=stance, sign=sign, weight=w[0] if w else 1)
    return G


@pytest.mark.parametrize(
    "signs, balanced",
    [((1, 1, 1), True), ((1, -1, -1), True), ((1, 1, -1), False), ((-1, -1, -1), False)],
)
def test_triangle_balance(signs, balanced):
    G = signed(("a", "b", signs[0]), ("b", "c", signs[1]), ("c", "a", signs[2]))
    b = analysis.balance(G)
    assert b["triads"] == 1
    assert b["balanced"] == int(balanced) and b["unbalanced"] == int(not balanced)
    assert b["share"] == float(balanced)


def test_balance_without_triangles_has_no_share():
    b = analysis.balance(signed(("a", "b", 1), ("b", "c", -1)))
    assert b == {"triads": 0, "balanced": 0, "unbalanced": 0, "share": None}


def test_ties_net_out_both_directions():
    # a->b supports twice, b->a opposes once: net support; a<->c cancels and is no tie.
    G = signed(("a", "b", 1, 2), ("b", "a", -1, 1), ("a", "c", 1), ("c", "a", -1), ("b", "c", 1))
    assert analysis.signed_ties(G) == {("a", "b"): 1, ("b", "c"): 1}
    assert analysis.balance(G)["triads"] == 0


def test_balance_matches_brute_force_on_random_graph():
    rng = random.Random(7)
    nodes = [f"n{i}" for i in range(14)]
    G = signed(*[(u, v, rng.choice((1, -1))) for u, v in itertools.permutations(nodes, 2) if rng.random() < 0.3])
    ties = analysis.signed_ties(G)
    sign = lambda u, v: ties.get((min(u, v), max(u, v)), 0)  # noqa: E731
    triads = balanced = 0
    for a, b, c in itertools.combinations(nodes, 3):
        s = sign(a, b) * sign(b, c) * sign(a, c)
        if s:
            triads += 1
            balanced += s > 0
    result = analysis.balance(G)
    assert triads > 10
    assert (result["triads"], result["balanced"]) == (triads, balanced)


def two_camps() -> tuple[nx.MultiDiGraph, set[str], set[str]]:
    left, right = {"a1", "a2", "a3", "a4"}, {"b1", "b2", "b3"}
    edges = [(u, v, 1) for side in (left, right) for u, v in itertools.combinations(sorted(side), 2)]
    edges += [("a1", "b1", -1, 3), ("b2", "a2", -1), ("a3", "b3", -1), ("b1", "a4", -1)]
    edges += [("a4", "b3", 1)]  # one friendly tie across the divide does not move anyone
    return signed(*edges), left, right


def test_two_clear_camps_are_split():
    G, left, right = two_camps()
    camp = analysis.camps(G)
    assert len({camp[v] for v in left}) == 1 and len({camp[v] for v in right}) == 1
    assert camp["a1"] != camp["b1"]
    assert camp["a1"] == 0  # the larger camp comes first


def test_breadth_first_start_finds_the_same_camps(monkeypatch):
    monkeypatch.setattr(analysis, "DENSE_LIMIT", 0)
    G, left, right = two_camps()
    camp = analysis.camps(G)
    assert {frozenset(v for v in camp if camp[v] == c) for c in set(camp.values())} == {
        frozenset(left), frozenset(right),
    }  # fmt: skip


def test_balanced_triangle_with_one_outsider():
    camp = analysis.camps(signed(("x", "y", 1), ("x", "z", -1), ("z", "y", -1)))
    assert camp["x"] == camp["y"] != camp["z"]


def test_no_opposition_means_one_camp_per_component():
    camp = analysis.camps(signed(("a", "b", 1), ("b", "c", 1), ("d", "e", 1)))
    assert camp["a"] == camp["b"] == camp["c"] == 0
    assert camp["d"] == camp["e"] == 1


def test_pagerank_uses_only_support_edges():
    pytest.importorskip("scipy")  # networkx's own pagerank needs it; ours does not
    G = signed(("a", "b", 1, 2), ("c", "b", 1), ("b", "d", 1), ("d", "a", -1, 5), ("e", "a", -1))
    support = nx.DiGraph()
    support.add_nodes_from(G)
    support.add_weighted_edges_from((u, v, d["weight"]) for u, v, d in G.edges(data=True) if d["sign"] > 0)
    expected = nx.pagerank(support, weight="weight", tol=1e-12)
    got = analysis.pagerank(G)
    assert got == pytest.approx(expected, abs=1e-8)
    assert max(got, key=got.get) in {"b", "d"}


def test_annotate_adds_degree_rank_and_camp():
    G, left, _ = two_camps()
    H = analysis.annotate(G)
    for n in G:
        assert H.nodes[n]["weighted_degree"] == sum(w for *_, w in G.in_edges(n, data="weight")) + sum(
            w for *_, w in G.out_edges(n, data="weight")
        )
    assert sum(r for _, r in H.nodes(data="pagerank")) == pytest.approx(1.0)
    assert "camp" not in G.nodes["a1"]


def test_allies_and_opponents_are_ranked_with_counts():
    G = signed(("a", "b", 1, 2), ("c", "a", 1), ("a", "d", -1, 3), ("d", "a", -1), ("e", "a", 1, 2))
    allies, opponents = analysis.allies_opponents(G, "a")
    assert allies == [("b", 2), ("e", 2), ("c", 1)]
    assert opponents == [("d", 4)]
    assert analysis.allies_opponents(G, "nobody") == ([], [])


def test_actor_table_has_a_row_per_actor():
    G = analysis.annotate(signed(("a", "b", 1, 2), ("c", "a", 1), ("a", "d", -1, 3)))
    for n in G:
        G.nodes[n]["name"] = n
    table = analysis.actor_table(G)
    assert list(table.columns) == analysis.ACTOR_COLUMNS
    assert sorted(table["name"]) == sorted(G)
    top = table.iloc[0]
    assert top["name"] == "a" and top["allies"] == "b (2), c (1)" and top["opponents"] == "d (3)"
    assert analysis.actor_table(G, top=1).iloc[0]["allies"] == "b (2), +1 more"


@pytest.fixture(scope="module")
def df():
    return graph.statements_frame(read_statements(FIXTURE))


def test_edge_quotes_come_with_their_articles(df):
    pair = df.groupby(["source", "target", "stance"]).size().idxmax()
    quotes = analysis.edge_quotes(df, *pair)
    rows = df[(df["source"] == pair[0]) & (df["target"] == pair[1]) & (df["stance"] == pair[2])]
    assert len(quotes) == len(rows) > 1
    assert {q["quote"] for q in quotes} == set(rows["quote"])
    assert [q["date"] for q in quotes] == sorted(q["date"] for q in quotes)
    for q in quotes:
        row = rows[rows["id"] == q["statement_id"]].iloc[0]
        assert (q["title"], q["article_id"], q["source_ref"]) == (row.title, row.article_id, row.url or row.path)


def test_actor_quotes_cover_every_statement_of_the_actor(df):
    actor = df["target"].value_counts().idxmax()
    groups = analysis.actor_quotes(df, actor)
    involved = df[(df["source"] == actor) | (df["target"] == actor)]
    assert sum(g["count"] for g in groups) == len(involved)
    assert [g["count"] for g in groups] == sorted((g["count"] for g in groups), reverse=True)
    for g in groups:
        src, tgt = (actor, g["counterpart"]) if g["direction"] == "given" else (g["counterpart"], actor)
        assert all((q["source"], q["target"], q["stance"]) == (src, tgt, g["stance"]) for q in g["quotes"])


def test_fixture_camps_separate_backers_and_opponents(df):
    G = graph.build_graph(df)
    backer = df[df["stance"] == "supports"].iloc[0]
    foes = df[(df["stance"] == "opposes") & (df["target"] == backer.target)]
    camp = nx.get_node_attributes(G, "camp")
    assert camp[backer.source] == camp[backer.target]
    assert any(camp[f] != camp[backer.target] for f in foes["source"])


def test_sparse_and_dense_lowest_eigenvector_give_the_same_camps(monkeypatch):
    """Above SPARSE_FROM actors scipy's Lanczos replaces the dense decomposition: same split."""
    import random

    rng = random.Random(4)
    left, right = [f"l{i}" for i in range(40)], [f"r{i}" for i in range(30)]
    ties = [(a, b, 1) for side in (left, right) for a, b in zip(side, side[1:] + side[:1])]
    ties += [(rng.choice(left), rng.choice(right), -1) for _ in range(50)]
    ties += [(rng.choice(left), rng.choice(left), 1) for _ in range(30)]
    G = signed(*ties)
    monkeypatch.setattr(analysis, "SPARSE_FROM", 10)
    sparse = analysis.camps(G)
    monkeypatch.setattr(analysis, "SPARSE_FROM", 10_000)
    dense = analysis.camps(G)
    assert sparse == dense
    assert len({sparse[v] for v in left}) == 1 and sparse[left[0]] != sparse[right[0]]
