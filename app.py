"""Actorgraph explorer: ``streamlit run app.py``.

Thin by design: widgets and layout here, everything else in ``actorgraph``.
It opens on the bundled articles in ``data/articles/``, already analysed.

Environment (for tests, benchmarks and other corpora):
  ACTORGRAPH_DATA        article files/folders to open on (os.pathsep-separated)
  ACTORGRAPH_STATEMENTS  statements already extracted (JSONL or CSV, os.pathsep-separated);
                         when set without ACTORGRAPH_DATA, no bundled article is parsed
  ACTORGRAPH_MAX_NODES   default cap on drawn actors (300)
  ACTORGRAPH_PROCESSES   worker processes for big batches of new articles (default: all cores)
  ACTORGRAPH_UPLOAD_CACHE_MB, ACTORGRAPH_UPLOAD_CACHE_TTL  bound of the parsed-upload cache
                         shared by all sessions (default 256 MB, 3600 s)
"""
from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path

import streamlit as st

from actorgraph import view
from actorgraph.filters import Filters, apply, choices

HERE = Path(__file__).resolve().parent
UPLOAD_TYPES = ["txt", "md", "html", "htm", "csv", "json", "jsonl"]
NETWORK_KEY = "actorgraph_network"

st.set_page_config(page_title="Actorgraph", layout="wide")  # no page_icon: an icon name would be fetched from Google


# --------------------------------------------------------------------------- cached stages


@st.cache_resource(show_spinner=False)
def statement_store() -> view.StatementStore:
    return view.StatementStore()


@st.cache_resource(show_spinner=False)
def gazetteer():
    from actorgraph.gazetteer import load_gazetteer

    return load_gazetteer()


#: Fewer new articles than this are parsed in the server process (starting workers costs seconds).
PARALLEL_FROM = 64


def extract(articles, progress=None, errors=None):
    """New articles -> statements; big batches on every core, a failing article one line in ``errors``."""
    from actorgraph.statements import extract_statements

    processes = int(os.environ.get("ACTORGRAPH_PROCESSES") or os.cpu_count() or 1)
    if len(articles) < PARALLEL_FROM:
        processes = 1
    return extract_statements(articles, gazetteer=gazetteer(), progress=progress, n_process=processes, errors=errors)


@st.cache_resource(show_spinner=False, max_entries=4)
def read_paths(paths: tuple[str, ...], signature: tuple[str, ...]):
    """Articles from files/folders; ``signature`` (names, sizes, times) invalidates the cache."""
    from actorgraph.articles import read_articles

    res = read_articles(list(paths))
    return res.articles, [str(e) for e in res.errors]


@st.cache_resource(show_spinner=False)
def upload_cache():
    """Parsed uploads by content, shared by sessions, bounded in bytes and time (issue 9)."""
    from actorgraph.cache import BoundedCache

    mb = float(os.environ.get("ACTORGRAPH_UPLOAD_CACHE_MB") or 256)
    return BoundedCache(int(mb * 2**20), float(os.environ.get("ACTORGRAPH_UPLOAD_CACHE_TTL") or 3600))


def read_upload(name: str, data: bytes):
    import hashlib

    from actorgraph.articles import ArticleError, LoadError, read_bytes

    def parse():
        errors: list[LoadError] = []
        try:
            articles = read_bytes(name, data, errors=errors)
        except ArticleError as e:
            return [], [f"{name}: {e}"]
        return articles, [str(e) for e in errors]

    key = (name, hashlib.sha1(data).hexdigest())
    return upload_cache().get_or_make(key, parse, size=2 * len(data))  # the text, and the bytes it came from


@st.cache_resource(show_spinner=False, max_entries=4)
def read_statement_files(paths: tuple[str, ...], signature: tuple[str, ...]):
    from actorgraph.readwrite.statements import StatementsError, read_statements

    out, errors = [], []
    for p in paths:
        try:
            out.extend(read_statements(p))
        except StatementsError as e:
            errors.append(str(e))
    return out, errors


@st.cache_resource(show_spinner=False, max_entries=3)
def corpus_frame(signature: str, _statements):
    """Cached as the object itself (``cache_data`` would unpickle a copy on every rerun); never mutated."""
    from actorgraph.graph import statements_frame

    return statements_frame(_statements)


@st.cache_resource(show_spinner=False, max_entries=3)
def filter_choices(signature: str, _df):
    """What the filter widgets offer: built once per corpus, not on every rerun."""
    return choices(_df)


@st.cache_resource(show_spinner=False, max_entries=3)
def corpus_graph(signature: str, _df):
    from actorgraph.graph import build_graph

    return build_graph(_df)


@st.cache_resource(show_spinner=False, max_entries=6)
def view_stage(signature: str, f: Filters, _df, _G_all):
    """Filtered statements and graph, cached per corpus and filter settings (never mutated)."""
    if f.is_default():
        return _df, _G_all
    return apply(_df, f)  # one filter pass for both


@st.cache_resource(show_spinner=False, max_entries=8)
def drawn_graph(view_key: str, cap: int, keep: tuple[str, ...], _G_view):
    """The capped graph, how many actors it leaves out, and its signature: once per view."""
    G_draw, left_out = view.cap_graph(_G_view, cap, keep=list(keep))
    return G_draw, left_out, view.graph_signature(G_draw)


@st.cache_resource(show_spinner=False, max_entries=6)
def actors_table(view_key: str, _G_view):
    return view.actors_table(_G_view)


@st.cache_resource(show_spinner=False, max_entries=8)
def positions(signature: str, _G):
    return view.layout_positions(_G)


@st.cache_resource(show_spinner=False, max_entries=8)
def base_payload(signature: str, color_by: str, positioned: bool, _G, _positions):
    return view.network_payload(_G, color_by=color_by, positions=_positions)


def bundled_articles() -> str:
    """The bundled corpus, relative to the working directory when inside it, so sources read
    ``data/articles/...`` as the CLI prints them rather than a machine-specific absolute path."""
    folder = HERE / "data" / "articles"
    try:
        return str(folder.relative_to(Path.cwd()))
    except ValueError:
        return str(folder)


def env_paths(name: str) -> list[str]:
    return [p for p in os.environ.get(name, "").split(os.pathsep) if p.strip()]


# --------------------------------------------------------------------------- selection state


def init_state() -> None:
    ss = st.session_state
    ss.setdefault("selected_actor", None)
    ss.setdefault("selected_edge", None)
    ss.setdefault("folders", [])


def apply_click(value) -> bool:
    """Store a click from the graph; True when the selection changed."""
    hit = view.parse_click(value)
    if hit is None:
        return False
    ss = st.session_state
    before = (ss.get("selected_actor"), ss.get("selected_edge"))
    if hit[0] == "node":
        ss["selected_actor"], ss["selected_edge"] = hit[1], None
    else:
        ss["selected_edge"] = hit[1].as_dict()
    return before != (ss.get("selected_actor"), ss.get("selected_edge"))


def on_graph_click() -> None:
    state = st.session_state.get(NETWORK_KEY)
    apply_click(state.get("select") if isinstance(state, dict) else None)


def select_actor(actor: str | None) -> None:
    st.session_state["selected_actor"] = actor
    st.session_state["selected_edge"] = None


def clear_selection() -> None:
    select_actor(None)


def set_focus(actor: str | None) -> None:
    st.session_state["f_focus"] = actor or ""


def add_folder() -> None:
    path = st.session_state.get("folder_input", "").strip()
    if path and path not in st.session_state["folders"]:
        st.session_state["folders"].append(path)
    st.session_state["folder_input"] = ""


def pick_actor() -> None:
    actor = st.session_state.get("panel_pick") or None
    if actor:
        select_actor(actor)


# --------------------------------------------------------------------------- corpus


def load_corpus():
    """Articles (bundled, folders, uploads) -> statements; returns (statements, errors, corpus key).

    The key names the inputs (paths with their files' sizes and times, uploads,
    statement files, the extractor version), never the statements one by one, so
    computing it costs nothing per statement on a rerun.
    """
    errors: list[str] = []
    data_paths = env_paths("ACTORGRAPH_DATA")
    statement_files = env_paths("ACTORGRAPH_STATEMENTS")
    if not data_paths and not statement_files:
        data_paths = [bundled_articles()]
    paths = tuple(data_paths + list(st.session_state["folders"]))
    path_sigs = tuple(view.folder_signature(p) for p in paths)
    uploads = st.session_state.get("uploads") or []
    file_sigs = tuple(view.folder_signature(p) for p in statement_files)
    key = corpus_key(paths, path_sigs, [(up.name, up.size, up.file_id) for up in uploads], statement_files, file_sigs)
    articles = []
    if paths:
        arts, errs = read_paths(paths, path_sigs)
        articles += arts
        errors += errs
    for up in uploads:
        arts, errs = read_upload(up.name, up.getvalue())
        articles += arts
        errors += errs
    statements = []
    if statement_files:
        found, errs = read_statement_files(tuple(statement_files), file_sigs)
        statements += found
        errors += errs
    failed: list = []
    extract_new = functools.partial(extract, errors=failed)
    store = statement_store()
    todo = store.missing(articles)
    if todo:
        bar = st.progress(0.0, text=f"Analysing {len(todo)} article(s)…")

        def progress(done: int, total: int) -> None:
            bar.progress(min(1.0, done / max(total, 1)), text=f"Analysing articles: {done} of {total}")

        statements += store.get_or_extract(articles, extract_new, progress, errors)
        bar.empty()
    else:
        statements += store.get_or_extract(articles, extract_new)
    return statements, errors + [str(f) for f in failed], key


def corpus_key(*inputs) -> str:
    import hashlib

    from actorgraph.version import extractor_version

    return hashlib.sha1(repr((extractor_version(), inputs)).encode("utf-8")).hexdigest()[:20]


# --------------------------------------------------------------------------- sidebar


def sidebar_sources() -> None:
    st.header("Articles")
    st.file_uploader(
        "Add articles", type=UPLOAD_TYPES, accept_multiple_files=True, key="uploads",
        help="Text, Markdown, HTML, or tables (CSV, JSON, JSON lines) with a text column.",
    )
    st.text_input("Add a folder or file on this machine", key="folder_input", placeholder="/path/to/articles")
    st.button("Add path", on_click=add_folder, disabled=False)
    if st.session_state["folders"]:
        st.caption("Added: " + ", ".join(view.md_escape(f) for f in st.session_state["folders"]))
        if st.button("Remove added paths"):
            st.session_state["folders"] = []
            st.rerun()


#: A widget offers at most this many choices; a search box finds the others (10,000 article
#: titles in every rerun's widget options were megabytes sent to the browser).
OPTIONS_SHOWN = 100


def searchable_multiselect(label: str, options: dict[str, str], key: str) -> list[str]:
    """A multiselect over ``options`` (value -> label) that ships at most ``OPTIONS_SHOWN`` of them."""
    shown = list(options)
    if len(options) > OPTIONS_SHOWN:
        query = st.text_input(f"Find {label.lower()}", key=f"{key}_find",
                              placeholder=f"search {len(options):,} {label.lower()}").strip().lower()  # fmt: skip
        hits = (v for v, text in options.items() if query in text.lower() or query in v.lower())
        chosen = list(st.session_state.get(key) or [])
        shown = list(dict.fromkeys(chosen + [v for _, v in zip(range(OPTIONS_SHOWN), hits)]))
    return st.multiselect(label, shown, key=key, placeholder="all", format_func=lambda v: options.get(v) or v)


def date_or_none(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def sidebar_filters(opts: dict) -> tuple[Filters, str, int]:
    st.header("Filters")
    stances = st.multiselect("Stance", opts["stances"], key="f_stances", placeholder="all")
    relations = st.multiselect("Relation", opts["relations"], key="f_relations", placeholder="all")
    types = st.multiselect("Actor type", opts["actor_types"], key="f_types", placeholder="all")
    date_from = date_to = None
    dmin, dmax = date_or_none(opts["date_min"]), date_or_none(opts["date_max"])
    if dmin and dmax:
        picked = st.date_input(
            "Dates", value=(dmin, dmax), min_value=dmin, max_value=dmax, key=f"f_dates_{dmin}_{dmax}"
        )
        picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
        if picked and picked[0] and picked[0] > dmin:
            date_from = picked[0].isoformat()
        if len(picked) > 1 and picked[1] and picked[1] < dmax:
            date_to = picked[1].isoformat()
    articles = searchable_multiselect("Articles", opts["articles"], key="f_articles")
    sources = searchable_multiselect("Sources", {s: s for s in opts["sources"]}, key="f_sources")
    min_weight = 1
    if opts["max_weight"] > 1:
        min_weight = st.slider("Minimum statements per edge", 1, int(opts["max_weight"]), 1, key="f_weight")
    min_conf = st.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.05, key="f_conf")
    search = st.text_input("Search actors", key="f_search", placeholder="name or alias")
    actors = [""] + opts["actors"]
    if st.session_state.get("f_focus") not in actors:
        st.session_state["f_focus"] = ""
    focus = st.selectbox("Focus on actor", actors, key="f_focus", format_func=lambda a: a or "(whole graph)")
    hops = st.slider("Hops around the focus", 1, 4, 1, key="f_hops")
    drop_isolated = st.checkbox("Hide isolated actors", value=True, key="f_isolated")
    color_by = st.radio("Colour actors by", view.COLOR_MODES, horizontal=True, key="f_color")
    default_cap = int(os.environ.get("ACTORGRAPH_MAX_NODES", view.MAX_NODES))
    cap = st.number_input("Most actors drawn", 5, 5000, default_cap, 10, key="f_cap")
    f = Filters(
        stances=tuple(stances) or None, relations=tuple(relations) or None, actor_types=tuple(types) or None,
        date_from=date_from, date_to=date_to, articles=tuple(articles) or None, sources=tuple(sources) or None,
        min_weight=int(min_weight), min_confidence=float(min_conf), search=search, focus=focus or None,
        hops=int(hops), drop_isolated=bool(drop_isolated),
    )  # fmt: skip
    return f, color_by, int(cap)


# --------------------------------------------------------------------------- panel


def actor_panel(G, df, actor: str) -> None:
    from actorgraph.analysis import actor_quotes

    card = view.actor_card(G, actor)
    if card is None:
        st.info(f"{view.md_escape(actor)} is not in the current view; change the filters to see it again.")
        st.button("Clear selection", on_click=clear_selection, key="clear_hidden")
        return
    st.markdown(f"### {view.md_escape(card['name'])}")
    facts = [card["type"] or "actor"]
    if card["role"]:
        facts.append(card["role"])
    if card["affiliation"]:
        facts.append(card["affiliation"])
    if card["camp"]:
        facts.append(f"camp {card['camp']}")
    st.caption(" · ".join(view.md_escape(x) for x in facts))
    if card["aliases"]:
        st.caption("Also written as: " + ", ".join(view.md_escape(a) for a in card["aliases"]))
    cols = st.columns(2) + st.columns(2)
    for col, (label, key) in zip(cols, view.CARD_COUNTS):
        col.metric(label, card[key])
    b1, b2 = st.columns(2)
    if b1.button("Focus on this actor", on_click=set_focus, args=(actor,), key="focus_btn"):
        st.rerun(scope="app")
    b2.button("Clear selection", on_click=clear_selection, key="clear_actor")
    groups = actor_quotes(df, actor)
    total = sum(g["count"] for g in groups)
    st.markdown(f"**Evidence** ({total} statement{'' if total == 1 else 's'})")
    with st.container(height=520, border=False):
        for g in groups:
            st.markdown(view.group_heading(actor, g))
            for q in g["quotes"]:
                st.markdown(view.quote_markdown(q))
                st.caption(view.quote_caption(q))


def edge_panel(G, df, ref: view.EdgeRef) -> None:
    from actorgraph.analysis import edge_quotes

    quotes = edge_quotes(df, ref.source, ref.target, ref.stance)
    group = {"counterpart": ref.target, "direction": "given", "stance": ref.stance, "count": len(quotes)}
    st.markdown("### " + view.group_heading(ref.source, group))
    b1, b2, b3 = st.columns(3)
    b1.button("Show " + view.md_escape(ref.source[:40]), on_click=select_actor, args=(ref.source,), key="edge_src")
    b2.button("Show " + view.md_escape(ref.target[:40]), on_click=select_actor, args=(ref.target,), key="edge_tgt")
    b3.button("Clear selection", on_click=clear_selection, key="clear_edge")
    with st.container(height=520, border=False):
        for q in quotes:
            st.markdown(view.quote_markdown(q))
            st.caption(view.quote_caption(q))


def panel(G, df) -> None:
    ss = st.session_state
    ref = view.edge_ref(ss.get("selected_edge"))
    if ref is not None and view.has_edge(G, ref):
        edge_panel(G, df, ref)
        return
    actor = ss.get("selected_actor")
    if actor:
        actor_panel(G, df, actor)
        return
    st.markdown("### Evidence")
    st.caption("Click an actor or a line in the graph to read the sentences behind it.")
    names = sorted(G.nodes, key=str)
    st.selectbox("…or pick an actor", [""] + names, key="panel_pick", on_change=pick_actor,
                 format_func=lambda a: a or "(choose)")  # fmt: skip


@st.fragment
def graph_and_panel(payload: dict, G_draw, G_view, df_view) -> None:
    """The drawing and the evidence panel: a click reruns only this fragment."""
    col_graph, col_panel = st.columns([3, 2], gap="medium")
    ss = st.session_state
    selection = {"actor": ss.get("selected_actor"), "edge": ss.get("selected_edge")}
    data = {**payload, "selected": view.selected_for_component(G_draw, selection)}
    with col_graph:
        result = view.network_component()(
            key=NETWORK_KEY, data=data, on_select_change=on_graph_click, height=payload["height"] + 40
        )
    if result is not None:
        apply_click(result.get("select"))
    with col_panel, st.container(key="actorgraph-panel"):
        panel(G_view, df_view)


# --------------------------------------------------------------------------- page


#: Rows per table page: only the page shown is sent to the browser.
TABLE_ROWS = 100


def paged_dataframe(rows, make_table, key: str, **kwargs) -> None:
    """``make_table(rows[page])`` as a dataframe, one page at a time, with a page picker when needed."""
    pages = max(1, -(-len(rows) // TABLE_ROWS))
    page = 1
    if pages > 1:
        if (st.session_state.get(key) or 1) > pages:
            st.session_state[key] = pages
        page = int(st.number_input(f"Page (of {pages:,}; {len(rows):,} rows)", 1, pages, 1, key=key))
    start = (page - 1) * TABLE_ROWS
    st.dataframe(make_table(rows[start : start + TABLE_ROWS]), hide_index=True, width="stretch", **kwargs)


def main() -> None:
    init_state()
    with st.sidebar:
        sidebar_sources()
    header = st.container()
    with header:
        st.title("Actorgraph")
        st.caption("Who supports and who opposes whom in the news, with the sentence behind every line.")
        statements, errors, sig = load_corpus()
        if errors:
            with st.expander(f"{len(errors)} file(s) or row(s) could not be read; the rest is used", expanded=True):
                for e in errors:
                    st.text(e)
    if not statements:
        header.info("No statements found in these articles. Add articles in the sidebar.")
        return
    df = corpus_frame(sig, statements)
    G_all = corpus_graph(sig, df)
    with st.sidebar:
        f, color_by, cap = sidebar_filters(filter_choices(sig, df))
    df_view, G_view = view_stage(sig, f, df, G_all)
    keep = tuple(a for a in (st.session_state.get("selected_actor"), f.focus) if a)
    view_key = f"{sig}|{f}"
    G_draw, left_out, gsig = drawn_graph(view_key, cap, keep, G_view)
    pos = positions(gsig, G_draw) if G_draw.number_of_nodes() > view.PYTHON_LAYOUT_LIMIT else None
    with header:
        m = st.columns(4)
        m[0].metric("Actors", G_draw.number_of_nodes(), help=f"{G_all.number_of_nodes()} in all articles")
        m[1].metric("Statements", len(df_view), help=f"{len(df)} in all articles")
        m[2].metric("Edges", G_draw.number_of_edges(), help="one per source, target and stance")
        m[3].metric("Articles", int(df_view["article_id"].nunique()), help=f"{df['article_id'].nunique()} in all")
        if left_out:
            st.info(
                f"{left_out} actors not shown: only the {G_draw.number_of_nodes()} most connected of "
                f"{G_view.number_of_nodes()} are drawn (raise 'Most actors drawn' or filter to see others)."
            )
        if f.focus:
            c1, c2 = st.columns([4, 1])
            c1.info(f"Focused on {view.md_escape(f.focus)}, {f.hops} hop(s) around it.")
            c2.button("Show whole graph", on_click=set_focus, args=(None,))
    if G_draw.number_of_nodes() == 0:
        st.warning("No actor matches these filters.")
    else:
        payload = base_payload(f"{gsig}|{sig}|{f}", color_by, pos is not None, G_draw, pos)
        graph_and_panel(payload, G_draw, G_view, df_view)

    tab_statements, tab_actors, tab_export = st.tabs(["Statements", "Actors", "Downloads"])
    with tab_statements:
        paged_dataframe(
            df_view, view.statements_table, key="statements_page",
            column_config={"quote": st.column_config.TextColumn("quote", width="large"),
                           "confidence": st.column_config.NumberColumn("confidence", format="%.2f")},
        )  # fmt: skip
    with tab_actors:
        paged_dataframe(actors_table(view_key, G_view), lambda t: t, key="actors_page")
    with tab_export:
        st.caption("“Current view” is the filtered graph; “whole graph” is every statement found.")
        for i, e in enumerate(view.exports(G_view, G_all, df_view)):
            st.download_button(e.label, data=e.data, file_name=e.file_name, mime=e.mime, on_click="ignore", key=f"dl{i}")


if __name__ == "__main__":  # not when a worker process started by a fork server imports this script
    main()
