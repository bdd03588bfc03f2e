"""The app on a store (AppTest): corrections from the actor card, the quotes and the history
panel, the article view, a view kept in the URL, and articles that outlive the session."""
from __future__ import annotations

from pathlib import Path

import pytest
from store_fixtures import SENTENCES, article, statements_of
from app_fixtures import drawing
from streamlit.testing.v1 import AppTest

from actorgraph import curation as cur
from actorgraph.records import Article, text_id
from actorgraph.store import Store
from actorgraph.version import extractor_version

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.delenv("ACTORGRAPH_STATEMENTS", raising=False)
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)
    s = Store(tmp_path / "app.db")
    monkeypatch.setenv("ACTORGRAPH_DB", s.path)
    arts = [article(i) for i in range(3)]
    text = "Southria attacked Eastmark overnight. " + IMG + " *not emphasis* and a second line."
    hostile = Article(id=text_id(text), title="Hostile " + IMG, text=text, date="2024-02-01", path="h.txt")
    s.add_extracted([(a, statements_of(a)) for a in arts] + [(hostile, statements_of(hostile, SENTENCES[4:]))],
                    extractor_version())  # fmt: skip
    return s


def run(app) -> AppTest:
    """Run the app (or the app of a widget just set or clicked) and check it raised nothing."""
    app = app.run()
    assert not app.exception, app.exception
    return app


@pytest.fixture
def at(store) -> AppTest:
    return run(AppTest.from_file(APP, default_timeout=120))


def nodes(at: AppTest) -> set[str]:
    return {n["id"] for n in drawing(at)["nodes"]}


def stances(at: AppTest, source: str, target: str) -> set[str]:
    return {e["stance"] for e in drawing(at)["edges"] if (e["from"], e["to"]) == (source, target)}


def statements_metric(at: AppTest) -> int:
    return int(next(m.value for m in at.metric if m.label == "Statements"))


def button(at: AppTest, key: str):
    return at.button(key=key)


def k(at: AppTest, name: str) -> str:
    """Key of a correction widget: the app renews them after every correction."""
    return f"{name}_{at.session_state['cur_rev']}"


def qp(at: AppTest, name: str) -> list[str]:
    value = at.query_params[name]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def pick_quote(at: AppTest, sid: str) -> AppTest:
    """Open the corrections of one quote: the picker under its group's quotes."""
    for box in at.selectbox:
        if str(box.key).startswith("qpick_") and box.format_func(sid) in box.options[1:]:
            return run(box.set_value(sid))
    raise AssertionError(f"no quote picker offers {sid}")


def select(at: AppTest, actor: str) -> AppTest:
    at.session_state["selected_actor"] = actor
    return run(at)


def test_shows_what_the_store_holds(at, store):
    assert statements_metric(at) == len(cur.curated_frame(store))
    assert {"Adka Varga", "Ada Varga", "Norland"} <= nodes(at)


def test_merge_from_the_actor_card_then_undo_from_the_history(at, store):
    select(at, "Adka Varga")
    at.selectbox(key=k(at, "cur_merge_into")).set_value("Ada Varga")
    run(button(at, "cur_merge_btn").click())
    assert "Adka Varga" not in nodes(at) and "Ada Varga" in nodes(at)
    assert at.session_state["selected_actor"] == "Ada Varga"
    assert [c.op for c in store.corrections()] == ["merge"]
    assert any("Adka Varga" in c.value for c in at.caption)  # the alias on the card
    run(button(at, "undo_btn").click())
    assert {"Adka Varga", "Ada Varga"} <= nodes(at)
    run(button(at, "redo_btn").click())
    assert "Adka Varga" not in nodes(at)
    assert any(t.value.startswith("#1 merge 'Adka Varga' into 'Ada Varga'") for t in at.text)


def test_rename_and_retype(at, store):
    select(at, "Norland")
    at.text_input(key=k(at, "cur_rename")).input("North Land")
    run(button(at, "cur_rename_btn").click())
    assert "North Land" in nodes(at) and "Norland" not in nodes(at)
    at.selectbox(key=k(at, "cur_type")).set_value("group")
    run(button(at, "cur_type_btn").click())
    df = cur.curated_frame(store)
    assert set(df.loc[df["source"] == "North Land", "source_type"]) == {"group"}


def test_reject_and_flip_a_quote(at, store):
    select(at, "Southria")
    sid = next(s.id for s in statements_of(store.articles()[0]) if s.source == "Eastmark" and s.target == "Southria")
    before = statements_metric(at)
    assert not [b for b in at.button if str(b.key).startswith(("rej_", "flip_"))]  # no buttons beside every quote
    pick_quote(at, sid)
    run(button(at, f"flip_{sid}").click())
    assert cur.curated_frame(store).set_index("id").at[sid, "stance"] == "supports"
    pick_quote(at, sid)  # (the flip was a correction: the picker starts anew)
    run(button(at, f"rej_{sid}").click())
    assert statements_metric(at) == before - 1
    assert [c.op for c in store.corrections()] == ["flip", "reject"]


def test_edit_relation_and_target_of_a_quote(at, store):
    select(at, "Norland")
    sid = next(s.id for s in statements_of(store.articles()[0]) if s.source == "Norland")
    pick_quote(at, sid)
    at.selectbox(key="rel_" + k(at, sid)).set_value("attacks")
    run(button(at, f"relb_{sid}").click())
    assert stances(at, "Norland", "Eastmark") == {"supports", "opposes"}  # one of three statements now opposes
    pick_quote(at, sid)
    at.selectbox(key="target_" + k(at, sid)).set_value("Southria")  # (new names: AppTest's set_value takes options only)
    run(button(at, f"targetb_{sid}").click())
    assert stances(at, "Norland", "Southria") == {"opposes"}


def test_article_view_escapes_text_and_adds_a_statement(at, store):
    select(at, "Southria")
    hostile = next(a for a in store.articles() if a.title.startswith("Hostile"))
    sid = statements_of(hostile, SENTENCES[4:])[0].id
    pick_quote(at, sid)
    run(button(at, f"art_{sid}").click())
    shown = " ".join(h.proto.body for h in at.get("html"))
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown and IMG not in shown
    assert "*not emphasis*" in shown  # no Markdown either
    assert '<mark class="ag-cue"' in shown and '<mark class="ag-actor"' in shown
    assert qp(at, "article") == [hostile.id]
    at.selectbox(key=k(at, "add_sentence")).set_value(0)
    at.selectbox(key=k(at, "add_source")).set_value("Eastmark")
    at.selectbox(key=k(at, "add_relation")).set_value("accuses")
    at.selectbox(key=k(at, "add_target")).set_value("Southria")
    run(button(at, "add_btn").click())
    df = cur.curated_frame(store)
    (row,) = df[df["manual"]].to_dict("records")
    assert (row["source"], row["target"], row["quote"]) == ("Eastmark", "Southria", "Southria attacked Eastmark overnight.")
    assert "opposes" in stances(at, "Eastmark", "Southria")


def test_the_view_comes_from_the_url_and_goes_back_into_it(store):
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["actor"] = "Norland"
    app.query_params["stance"] = ["supports", "bogus"]
    app.query_params["hops"] = "2"
    app.query_params["focus"] = "Eastmark"
    run(app)
    assert app.session_state["selected_actor"] == "Norland"
    assert app.multiselect(key="f_stances").value == ["supports"]
    assert app.slider(key="f_hops").value == 2 and app.selectbox(key="f_focus").value == "Eastmark"
    assert {e["stance"] for e in drawing(app)["edges"]} == {"supports"}
    app.multiselect(key="f_stances").set_value(["opposes"])
    run(app)
    assert qp(app, "stance") == ["opposes"] and qp(app, "actor") == ["Norland"]


def test_added_folder_goes_into_the_store_and_outlives_the_session(store, tmp_path, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_DATA_ROOT", str(tmp_path))  # the path box reads only under the data roots
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "new.txt").write_text("Talks\n\nRussia strongly condemned the United States on Monday.\n", encoding="utf-8")
    app = run(AppTest.from_file(APP, default_timeout=180))
    n = store.counts()["articles"]
    app.text_input(key="folder_input").input(str(folder))
    run([b for b in app.button if b.label == "Add path"][0].click())
    assert store.counts()["articles"] == n + 1
    fresh = run(AppTest.from_file(APP, default_timeout=180))  # a restart: nothing in the session
    assert {"Russia", "United States"} <= nodes(fresh)


def notes_folder(tmp_path: Path, monkeypatch, n: int) -> Path:
    """``n`` one-line articles in a folder the app opens on, ingested two at first (chunks of 2, 2, 4, ...)."""
    folder = tmp_path / f"notes{n}"
    folder.mkdir()
    for i in range(n):
        (folder / f"n{i:02d}.txt").write_text(f"Note {i}\n\nRussia condemned France on day {i}.\n", encoding="utf-8")
    monkeypatch.setenv("ACTORGRAPH_DATA", str(folder))
    monkeypatch.setenv("ACTORGRAPH_INGEST_CHUNK", "2")
    return folder


def test_a_big_folder_goes_in_chunk_by_chunk_with_a_redraw_after_each(store, tmp_path, monkeypatch):
    import actorgraph.ingest as ingest_mod

    real, chunks = ingest_mod.ingest_articles, []

    def recording(st, articles, **kw):
        chunks.append((len(articles), st.counts()["articles"]))
        return real(st, articles, **kw)

    monkeypatch.setattr(ingest_mod, "ingest_articles", recording)
    monkeypatch.setenv("ACTORGRAPH_DATA_ROOT", str(tmp_path))
    notes_folder(tmp_path, monkeypatch, 5)
    before = store.counts()["articles"]
    app = run(AppTest.from_file(APP, default_timeout=180))  # the app reruns itself until all are in
    sizes = [n for n, _ in chunks if n]
    assert sizes == [2, 2, 1]
    assert [seen for n, seen in chunks if n] == [before, before + 2, before + 4]  # each run saw the last one's
    assert store.counts()["articles"] == before + 5 and {"Russia", "France"} <= nodes(app)


def test_chunks_grow_with_what_is_in_and_a_restart_parses_nothing(store, tmp_path, monkeypatch):
    """Each chunk after the first is as big as all before it (the corpus pass and the redraw
    after each chunk stay about twice one pass); a new session on the same store skips the
    stored articles before chunking, so it neither parses nor reruns for them."""
    import actorgraph.ingest as ingest_mod

    real, chunks = ingest_mod.ingest_articles, []

    def recording(st, articles, **kw):
        chunks.append(len(articles))
        return real(st, articles, **kw)

    monkeypatch.setattr(ingest_mod, "ingest_articles", recording)
    notes_folder(tmp_path, monkeypatch, 11)
    before = store.counts()["articles"]
    run(AppTest.from_file(APP, default_timeout=180))
    assert [n for n in chunks if n] == [2, 2, 4, 3]
    assert store.counts()["articles"] == before + 11
    chunks.clear()
    again = run(AppTest.from_file(APP, default_timeout=180))  # a restart: a new session, same store
    assert [n for n in chunks if n] == [] and {"Russia", "France"} <= nodes(again)


def test_stored_folders_are_not_read_again_nor_kept(store, tmp_path, monkeypatch):
    """Once a folder's articles are in the store, a rerun neither reads its files again nor
    holds their texts (unless its files change); a file that could not be read stays listed."""
    import actorgraph.articles as articles_mod

    folder = tmp_path / "three"
    folder.mkdir()
    for i in range(3):
        (folder / f"n{i}.txt").write_text(f"Note {i}\n\nRussia condemned France on day {i}.\n", encoding="utf-8")
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    import gc
    import weakref

    reads: list[list[str]] = []
    read: list[weakref.ref] = []
    real = articles_mod.read_articles

    def reading(paths, **kw):
        reads.append(list(paths))
        out = real(paths, **kw)
        read.extend(weakref.ref(a) for a in out.articles)
        return out

    monkeypatch.setattr(articles_mod, "read_articles", reading)
    monkeypatch.setenv("ACTORGRAPH_DATA", str(folder))
    monkeypatch.setenv("ACTORGRAPH_PATH_RECHECK", "3600")
    app = run(AppTest.from_file(APP, default_timeout=180))
    assert reads == [[str(folder)]] and store.counts()["articles"] == 4 + 3
    app = run(app.multiselect(key="f_stances").set_value(["opposes"]))
    assert reads == [[str(folder)]]  # not read again
    assert any("bad.json" in t.value for t in app.text)  # its error still shown
    assert {"Russia", "France"} <= nodes(app)
    gc.collect()
    assert len(read) == 3 and all(r() is None for r in read)  # the texts live in the store only


def test_a_big_ingest_keeps_only_the_latest_graph(store, tmp_path, monkeypatch):
    """The graphs of the store as it was before each chunk are dropped when the chunk is in:
    cached per store signature, they would otherwise pile up (the largest objects the server holds)."""
    import gc
    import weakref

    import actorgraph.graph as graph_mod

    real, built = graph_mod.build_graph, []

    def recording(df):
        G = real(df)
        built.append(weakref.ref(G))
        return G

    monkeypatch.setattr(graph_mod, "build_graph", recording)
    notes_folder(tmp_path, monkeypatch, 11)
    app = run(AppTest.from_file(APP, default_timeout=180))
    gc.collect()
    alive = [r for r in built if r() is not None]
    assert len(built) >= 4 and len(alive) == 1, (len(built), len(alive))
    assert {"Russia", "France"} <= nodes(app)
