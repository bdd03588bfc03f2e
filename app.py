"""Actorgraph explorer: ``streamlit run app.py``.

Thin by design: widgets and layout here, everything else in ``actorgraph``.
It opens on the bundled articles in ``data/articles/``, already analysed.

Environment (for tests, benchmarks and other corpora):
  ACTORGRAPH_DB          the store (default ./actorgraph.db): articles, statements and corrections
                         kept across reloads and restarts; the bundled corpus is ingested when empty
  ACTORGRAPH_DATA        article files/folders to open on (os.pathsep-separated)
  ACTORGRAPH_STATEMENTS  statements already extracted (JSONL, CSV, Parquet file or shard folder;
                         os.pathsep-separated); when set without ACTORGRAPH_DATA, no bundled article
                         is parsed; the app then runs in memory, without the store and its corrections
  ACTORGRAPH_MAX_NODES   default cap on drawn actors (300)
  ACTORGRAPH_MAX_EDGES   default cap on drawn edges among them, the heaviest kept (3000)
  ACTORGRAPH_INGEST_CHUNK  articles in a big ingest's first chunk before the graph is drawn (64);
                         each later chunk is as big as all before it
  ACTORGRAPH_PROCESSES   worker processes for big batches of new articles (default: all cores)
  ACTORGRAPH_PATH_RECHECK  seconds before a folder is walked again for changed files (30)
  ACTORGRAPH_UPLOAD_CACHE_MB, ACTORGRAPH_UPLOAD_CACHE_TTL  bound of the parsed-upload cache
                         shared by all sessions (default 256 MB, 3600 s)
"""
from __future__ import annotations

import dataclasses
import functools
import os
from pathlib import Path

import streamlit as st

from actorgraph import view
from actorgraph.filters import Filters, apply, choices, filter_frame
from actorgraph.paths import PathRefused, check_readable_path, under_roots
from actorgraph.readwrite.parquet import is_statements

HERE = Path(__file__).resolve().parent
UPLOAD_TYPES = ["txt", "md", "html", "htm", "csv", "json", "jsonl", "parquet"]
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
PARALLEL_FROM = 32


def worker_processes(n_articles: int) -> int:
    """Processes for a batch of new articles: every core (or ``ACTORGRAPH_PROCESSES``) for a big one."""
    if n_articles < PARALLEL_FROM:
        return 1
    return max(1, int(os.environ.get("ACTORGRAPH_PROCESSES") or os.cpu_count() or 1))


def extract(articles, progress=None, errors=None):
    """New articles -> statements; big batches on every core, a failing article one line in ``errors``."""
    from actorgraph.statements import extract_statements

    return extract_statements(articles, gazetteer=gazetteer(), progress=progress,
                              n_process=worker_processes(len(articles)), errors=errors)  # fmt: skip


@st.cache_resource(show_spinner=False, max_entries=4)
def read_paths(paths: tuple[str, ...], signature: tuple[str, ...]):
    """Articles from files/folders; ``signature`` (names, sizes, times) invalidates the cache."""
    return read_paths_now(paths)


def read_paths_now(paths: tuple[str, ...]):
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
    from actorgraph.readwrite.statements import read_statements

    out, errors = [], []
    for p in paths:
        out.extend(read_statements(p, errors))  # a bad line is reported and skipped
    return out, errors


@st.cache_resource(show_spinner=False, max_entries=3)
def corpus_frame(signature: str, _statements):
    """Every load combined, one name per person or body across them (``actorgraph.identity``)."""
    from actorgraph.graph import statements_frame
    from actorgraph.identity import join_names

    return statements_frame(join_names(_statements))


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
    """Filtered statements and graph, cached per corpus and filter settings (never mutated). A
    filtered graph leaves the quotes out (the panel reads them from the frame; a download builds
    it again with them, ``view_for_export``); with no filter it is the corpus graph itself."""
    if f.is_default():
        return _df, _G_all
    return apply(_df, f, evidence=False)  # one filter pass for both


@st.cache_resource(show_spinner=False, max_entries=8)
def articles_in(view_key: str, _df_view) -> int:
    """Distinct articles of a view: counted once per view (5 to 10 ms of every rerun at 50,000 statements)."""
    return int(_df_view["article_id"].nunique())


@st.cache_resource(show_spinner=False, max_entries=8)
def drawn_graph(view_key: str, cap: int, edge_cap: int, keep: tuple[str, ...], _G_view):
    """The capped graph (actors and edges), how many actors it leaves out, its signature and the
    edge counts (drawn, in view): once per view.

    These big objects are cached as themselves (``cache_data`` would unpickle a copy on
    every rerun); none of them is mutated after."""
    G_draw, left_out = view.cap_graph(_G_view, cap, keep=list(keep), max_edges=edge_cap)
    edges = (view.edge_count(G_draw), view.edge_count(_G_view))  # counted once (a pass over every actor)
    return G_draw, left_out, view.graph_signature(G_draw), edges


@st.cache_resource(show_spinner=False, max_entries=8)
def positions(signature: str, layout: str, _G):
    if layout in ("camp", "type"):
        return view.grouped_positions(_G, layout)
    return view.layout_positions(_G)


@st.cache_resource(show_spinner=False, max_entries=8)
def base_payload(signature: str, color_by: str, size_by: str, positioned: bool, _G, _positions):
    """The drawing's payload and its JSON bytes (what the component gets), once per drawing."""
    payload = view.network_payload(_G, color_by=color_by, positions=_positions, size_by=size_by)
    return payload, view.payload_bytes(payload)


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
    ss.setdefault("article_view", None)
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
    st.session_state["folder_refused"] = None
    try:
        if path and path not in st.session_state["folders"]:
            st.session_state["folders"].append(check_readable_path(path))
    except PathRefused as e:  # one line that says nothing about the path (see actorgraph.paths)
        st.session_state["folder_refused"] = str(e)
    st.session_state["folder_input"] = ""


def pick_actor() -> None:
    actor = st.session_state.get("panel_pick") or None
    if actor:
        select_actor(actor)


# --------------------------------------------------------------------------- corpus


#: Seconds a path's signature (names, sizes and times of its files) is trusted before the
#: path is walked again: walking 10,000 files takes 0.1 to 0.3 s, too long for every rerun.
PATH_RECHECK = float(os.environ.get("ACTORGRAPH_PATH_RECHECK") or 30)


@st.cache_data(show_spinner=False, ttl=PATH_RECHECK, max_entries=64)
def path_signature(path: str) -> str:
    return view.folder_signature(path)


def read_offered(paths: list[str], errors: list[str], cache: bool = True) -> list:
    """Articles of the paths and of the uploads (cached on their content); problems into ``errors``.
    ``cache=False`` reads the paths without keeping their texts in the server."""
    articles = []
    if paths:
        if cache:
            arts, errs = read_paths(tuple(paths), tuple(path_signature(p) for p in paths))
        else:
            arts, errs = read_paths_now(tuple(paths))
        articles += arts
        errors += errs
    for up in st.session_state.get("uploads") or []:
        arts, errs = read_upload(up.name, up.getvalue())
        articles += arts
        errors += errs
    return articles


def load_corpus():
    """(signature, statements frame, errors): from the store, or in memory without one."""
    from actorgraph import memory

    memory.one_malloc_arena()  # session threads share one malloc arena (actorgraph.memory)
    if store_mode():
        return load_store_corpus()
    statements, errors, key = load_memory_corpus()
    return key, corpus_frame(key, statements), errors


def load_memory_corpus():
    """Articles (bundled, folders, uploads) -> statements; returns (statements, errors, corpus key).

    The key names the inputs (paths with their files' sizes and times, uploads, statement
    files, the extractor version), never the statements one by one, so computing it costs
    nothing per statement on a rerun.
    """
    errors: list[str] = []
    data_paths = env_paths("ACTORGRAPH_DATA")
    statement_files = env_paths("ACTORGRAPH_STATEMENTS")
    if not data_paths and not statement_files:
        data_paths = [bundled_articles()]
    folders = [p for p in st.session_state["folders"] if under_roots(p)]
    saved = [p for p in folders if is_statements(p)]  # Parquet statements, not articles
    statement_files += saved
    paths = data_paths + [p for p in folders if p not in saved]
    uploads = [(up.name, up.size, up.file_id) for up in st.session_state.get("uploads") or []]
    file_sigs = tuple(path_signature(p) for p in statement_files)
    key = corpus_key(tuple(paths), tuple(path_signature(p) for p in paths), uploads, statement_files, file_sigs)
    articles = read_offered(paths, errors)
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
        from actorgraph import memory

        memory.give_back()  # the parse's freed pages
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
        help="Text, Markdown, HTML, or tables (CSV, JSON, JSON lines, Parquet) with a text column.",
    )
    st.text_input("Add a folder or file on this machine", key="folder_input", placeholder="/path/to/articles",
                  help="Only under the data folders (ACTORGRAPH_DATA_ROOT; by default data/ and the app's folder).")
    st.button("Add path", on_click=add_folder, disabled=False)
    if st.session_state.get("folder_refused"):
        st.error(st.session_state["folder_refused"].capitalize() + ".")
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


def sidebar_filters(opts: dict) -> tuple[Filters, str, tuple[int, int]]:
    st.header("Filters")
    stances = st.multiselect("Stance", opts["stances"], key="f_stances", placeholder="all")
    relations = st.multiselect("Relation", opts["relations"], key="f_relations", placeholder="all")
    types = st.multiselect("Actor type", opts["actor_types"], key="f_types", placeholder="all")
    date_from = date_to = None  # set by the date window above the graph (time_window)
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
    default_edges = int(os.environ.get("ACTORGRAPH_MAX_EDGES", view.MAX_EDGES))
    edge_cap = st.number_input("Most edges drawn", 10, 100_000, default_edges, 500, key="f_edge_cap",
                               help="The heaviest (most statements) among the actors drawn; more make "
                                    "every redraw slower")  # fmt: skip
    f = Filters(
        stances=tuple(stances) or None, relations=tuple(relations) or None, actor_types=tuple(types) or None,
        date_from=date_from, date_to=date_to, articles=tuple(articles) or None, sources=tuple(sources) or None,
        min_weight=int(min_weight), min_confidence=float(min_conf), search=search, focus=focus or None,
        hops=int(hops), drop_isolated=bool(drop_isolated),
    )  # fmt: skip
    return f, color_by, (int(cap), int(edge_cap))


# --------------------------------------------------------------------------- time and drawing (issue 12)


@st.cache_resource(show_spinner=False, max_entries=8)
def window_periods(signature: str, _df) -> list[str]:
    """The date window's stops: the corpus's days when it spans up to three months, else its months."""
    from actorgraph.timeline import all_periods, parse_dates

    when = parse_dates(_df["date"]).dropna()
    if when.empty:
        return []
    return all_periods(_df["date"], "D" if (when.max() - when.min()).days <= 92 else "M")


def shift_window(key: str, periods: list[str], step: int) -> None:
    """Move the window one stop earlier or later, keeping its width (a new slider key shows it)."""
    lo, hi = (periods.index(p) for p in st.session_state[key])
    step = max(-lo, min(step, len(periods) - 1 - hi))
    st.session_state[key] = (periods[lo + step], periods[hi + step])
    st.session_state[key + "_gen"] = st.session_state.get(key + "_gen", 0) + 1


def time_window(df, signature: str) -> tuple[str | None, str | None]:
    """A range slider over the corpus's days or months, with step buttons; filters everything.

    The whole range means no date filter (undated statements stay in)."""
    periods = window_periods(signature, df)
    if len(periods) < 2:
        return None, None
    key = f"window_{signature}"
    value = st.session_state.get(key)
    if not value or any(p not in periods for p in value):
        value = (periods[0], periods[-1])
    back, slider, forward = st.columns([1, 14, 1], vertical_alignment="bottom")
    back.button("◀", key="window_back", on_click=shift_window, args=(key, periods, -1), help="Move the window earlier")
    forward.button("▶", key="window_forward", on_click=shift_window, args=(key, periods, 1), help="Move the window later")
    lo, hi = slider.select_slider("Date window", options=periods, value=value, key=f"{key}_w{st.session_state.get(key + '_gen', 0)}",
                                  help="Only statements from articles dated in this window")  # fmt: skip
    st.session_state[key] = (lo, hi)
    return (None if lo == periods[0] else lo), (None if hi == periods[-1] else hi)


def sidebar_drawing() -> tuple[str, str, str]:
    """Layout, dot size and the quote search (the sidebar's drawing section)."""
    st.header("Drawing")
    layout = st.radio("Layout", view.LAYOUT_MODES, horizontal=True, key="d_layout",
                      format_func={"force": "force", "camp": "by camp", "type": "by type"}.get,
                      help="Force: ties pull actors together. By camp / by type: one block per group.")  # fmt: skip
    size_by = st.selectbox("Dot size", list(view.SIZE_MODES), key="d_size")
    quote = st.text_input("Search quotes", key="f_quote", placeholder="words in the sentence",
                          help="Keep only statements whose sentence contains this text (graph and tables)")  # fmt: skip
    return layout, size_by, quote


def drawing_positions(G_draw, gsig: str, layout: str):
    """Python positions (grouped layouts, or force above the limit); None: vis lays it out.

    When the force drawing changes (the date window moved), actors already drawn keep their place;
    grouped layouts are recomputed, since an actor's camp can change with the window."""
    if layout == "force" and G_draw.number_of_nodes() <= view.PYTHON_LAYOUT_LIMIT:
        return None
    last = st.session_state.get("last_positions")
    reused = view.reuse_positions(G_draw, last[1]) if last and last[0] == layout == "force" else None
    pos = reused or positions(gsig, layout, G_draw)
    st.session_state["last_positions"] = (layout, pos)
    return pos


def count_metric(col, label: str, drawn: int, total: int, help_text: str) -> None:
    """A header count; "drawn of total" when the actor cap leaves some out."""
    col.metric(label, f"{drawn:,} of {total:,}" if drawn != total else f"{drawn:,}", help=help_text)


def time_chart(df, actor: str) -> None:
    """Statements per period given and received by ``actor``; per counterpart on demand."""
    from actorgraph.timeline import FREQS, long_counts, period_counts

    others = sorted((set(df.loc[df["target"] == actor, "source"]) | set(df.loc[df["source"] == actor, "target"])) - {actor})
    other = st.selectbox("Over time, with", [""] + others, key=f"chart_with_{actor}",
                         format_func=lambda a: a or "(everyone)")  # fmt: skip
    table = period_counts(df, actor=actor, counterpart=other or None)
    if table.empty:
        st.caption("No dated statements to chart.")
        return
    with st.container(key="actorgraph-chart"):
        st.vega_lite_chart(long_counts(table), view.time_chart_spec(FREQS[table.attrs["freq"]]), width="stretch")
    if table.attrs["undated"]:
        st.caption(f"{table.attrs['undated']} undated statement(s) not charted.")


def edge_chart(df, ref) -> None:
    """One dot per statement behind the edge, over time; the quote shows on hover."""
    from actorgraph.timeline import edge_statements

    rows = edge_statements(df, ref.source, ref.target, ref.stance)
    if rows.empty:
        return
    with st.container(key="actorgraph-edge-chart"):
        st.vega_lite_chart(rows, view.edge_chart_spec(ref.stance), width="stretch")


def quote_list(quotes: list[dict], df, key: str) -> None:
    """Quotes as one Markdown block; in store mode a picker under it opens the corrections of one
    quote (buttons beside each of hundreds of quotes kept the browser busy for seconds)."""
    st.markdown(view.quotes_block(quotes, numbered=store_mode()))
    if store_mode() and quotes:
        by_id = {q["statement_id"]: (i, q) for i, q in enumerate(quotes, 1)}
        sid = st.selectbox("Correct a quote", [None, *by_id], key=f"qpick_{key}",
                           format_func=lambda s: view.quote_label(*by_id[s]) if s in by_id
                           else "(choose one to reject, flip, edit or open)")  # fmt: skip
        if sid in by_id:
            quote_controls(by_id[sid][1], df)


def evidence(actor: str, groups: list[dict], df) -> None:
    """The quotes behind an actor: a search box, then per group the first 50 and a "more" button."""
    needle = st.text_input("Search the evidence", key=f"ev_search_{actor}", placeholder="words in the quotes")
    groups = view.search_groups(groups, needle)
    total = sum(g["count"] for g in groups)
    st.markdown(f"**Evidence** ({total} statement{'' if total == 1 else 's'} in {len(groups)} group(s))")
    groups_key = f"ev_groups_{actor}"
    n_groups = st.session_state.get(groups_key, view.EVIDENCE_GROUPS)
    with st.container(height=520, border=False):
        for i, g in enumerate(groups[:n_groups]):
            st.markdown(view.group_heading(actor, g))
            more_key = f"ev_more_{actor}_{g['counterpart']}_{g['direction']}_{g['stance']}"
            shown = st.session_state.get(more_key, view.EVIDENCE_PAGE)
            quote_list(g["quotes"][:shown], df, more_key)
            left = g["count"] - shown
            if left > 0:
                st.button(f"Show {min(left, view.EVIDENCE_PAGE)} more of {left} left", key=f"ev_btn_{i}_{more_key}",
                          on_click=st.session_state.__setitem__, args=(more_key, shown + view.EVIDENCE_PAGE))  # fmt: skip
        if len(groups) > n_groups:
            st.button(f"Show {min(len(groups) - n_groups, view.EVIDENCE_GROUPS)} more counterparts of "
                      f"{len(groups) - n_groups} left", key=f"ev_groups_btn_{actor}",
                      on_click=st.session_state.__setitem__, args=(groups_key, n_groups + view.EVIDENCE_GROUPS))  # fmt: skip


@st.cache_resource(show_spinner=False, max_entries=8)
def changes_between(signature: str, f: Filters, before: tuple[str, str], after: tuple[str, str], _df):
    """``timeline.what_changed`` under the filters other than dates, cached per corpus and choice."""
    from actorgraph.timeline import Window, what_changed

    base = _df if f.is_default() else filter_frame(_df, f)
    return what_changed(base, Window(*before), Window(*after))


def what_changed_tab(df, f: Filters, signature: str) -> None:
    """Edges that appeared, disappeared or changed sign between two windows (the other filters apply)."""
    from actorgraph.timeline import change_counts

    periods = window_periods(signature, df)
    if len(periods) < 2:
        st.caption("The articles need dates in at least two periods to compare.")
        return
    mid = len(periods) // 2
    c1, c2 = st.columns(2)
    a = c1.select_slider("Before", options=periods, value=(periods[0], periods[mid - 1]), key=f"wc_a_{signature}")
    b = c2.select_slider("After", options=periods, value=(periods[mid], periods[-1]), key=f"wc_b_{signature}")
    changes = changes_between(signature, dataclasses.replace(f, date_from=None, date_to=None), a, b, df)
    counts = change_counts(changes)
    cols = st.columns(4)
    for col, (label, n) in zip(cols, counts.items()):
        col.metric(label.capitalize(), n, help="pairs (source → target)")
    shown = changes[changes["change"] != "unchanged"]
    st.dataframe(shown, hide_index=True, width="stretch", column_config=view.CHANGE_COLUMNS)


def table_page(frame, key: str, page_size: int = 100):
    """Rows of one page of a large table, with a page picker when there is more than one page."""
    pages = max(1, -(-len(frame) // page_size))
    if pages == 1:
        return frame
    page = st.number_input(f"Page (of {pages}, {page_size:,} rows each)", 1, pages, 1, key=key)
    return frame.iloc[(page - 1) * page_size : page * page_size]


def on_table_pick(key: str, frame, kind: str) -> None:
    """A clicked table row selects its actor (actors table) or its edge (statements table)."""
    rows = st.session_state[key].selection.rows
    if not rows:
        return
    row = frame.iloc[rows[0]]
    if kind == "actor":
        select_actor(str(row["name"]))
    else:
        st.session_state["selected_edge"] = {"source": row["source"], "target": row["target"], "stance": row["stance"]}


def statements_tab(df_view) -> None:
    page = table_page(df_view, "page_statements")
    table = view.statements_table(page)
    st.dataframe(table, hide_index=True, width="stretch", row_height=72, key="tbl_statements",
                 on_select=lambda: on_table_pick("tbl_statements", table, "edge"), selection_mode="single-row",
                 column_config=view.STATEMENT_COLUMN_CONFIG)  # fmt: skip
    st.caption("Click a row to select its edge in the graph; long quotes wrap (double-click a cell to read it whole).")


@st.cache_resource(show_spinner=False, max_entries=8)
def actors_frame(key: str, _G):
    return view.actors_table(_G, ties=False)


def actors_tab(G_view, key: str) -> None:
    """The actors of the view (``key``: corpus and filters, for the cache); allies and opponents
    worked out for the page shown only."""
    table = view.with_ties(table_page(actors_frame(key, G_view), "page_actors"), G_view)
    st.dataframe(table, hide_index=True, width="stretch", key="tbl_actors",
                 on_select=lambda: on_table_pick("tbl_actors", table, "actor"), selection_mode="single-row",
                 column_config=view.ACTOR_COLUMN_CONFIG)  # fmt: skip
    st.caption("Click a row to select the actor in the graph. " + view.CAMP_NOTE)


# --------------------------------------------------------------------------- panel


def actor_panel(G, df, actor: str) -> None:
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
    actor_curation(actor, df)
    chart = st.container()  # drawn above the quotes, filled after them: the browser shows them first
    evidence(actor, view.evidence_groups(df, actor), df)
    with chart:
        time_chart(df, actor)


def edge_panel(G, df, ref: view.EdgeRef) -> None:
    from actorgraph.analysis import edge_quotes

    quotes = edge_quotes(df, ref.source, ref.target, ref.stance)
    group = {"counterpart": ref.target, "direction": "given", "stance": ref.stance, "count": len(quotes)}
    st.markdown("### " + view.group_heading(ref.source, group))
    b1, b2, b3 = st.columns(3)
    b1.button("Show " + view.md_escape(ref.source[:40]), on_click=select_actor, args=(ref.source,), key="edge_src")
    b2.button("Show " + view.md_escape(ref.target[:40]), on_click=select_actor, args=(ref.target,), key="edge_tgt")
    b3.button("Clear selection", on_click=clear_selection, key="clear_edge")
    chart = st.container()  # above the quotes, filled after them (see actor_panel)
    more_key = f"ev_edge_more_{ref.source}_{ref.target}_{ref.stance}"
    shown = st.session_state.get(more_key, view.EVIDENCE_PAGE)
    with st.container(height=520, border=False):
        quote_list(quotes[:shown], df, more_key)
        if len(quotes) > shown:
            left = len(quotes) - shown
            st.button(f"Show {min(left, view.EVIDENCE_PAGE)} more of {left} left", key="ev_edge_more",
                      on_click=st.session_state.__setitem__, args=(more_key, shown + view.EVIDENCE_PAGE))  # fmt: skip
    with chart:
        edge_chart(df, ref)


def panel(G, df) -> None:
    ss = st.session_state
    if ss.pop("curation_rerun", False):  # a correction made in this fragment: redraw the whole page
        st.rerun(scope="app")
    if ss.get("article_view") and store_mode():
        article_panel(df, ss["article_view"])
        return
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
def graph_and_panel(payload: tuple[dict, bytes], G_draw, G_view, df_view) -> None:
    """The drawing and the evidence panel: a click reruns only this fragment."""
    ss = st.session_state
    if ss.get("panel_beside", True):
        col_graph, col_panel = st.columns([3, 2], gap="medium")
    else:  # the drawing takes the page width, the evidence goes below it
        col_graph, col_panel = st.container(), st.container()
    with col_graph:
        # the drawing is the same object on every rerun of a view: Streamlit then sends only a reference
        result = view.network_component()(
            key=NETWORK_KEY, data=payload[1], on_select_change=on_graph_click, height=payload[0]["height"] + 40
        )
    if result is not None:
        apply_click(result.get("select"))
    selection = {"actor": ss.get("selected_actor"), "edge": ss.get("selected_edge")}
    with col_graph:
        view.selection_component()(key="actorgraph_selection", data={"selected": view.selected_for_component(G_draw, selection)})
        view.vis_component()(key="actorgraph_vis")  # the same message every run: sent once, then as a reference
    sync_url()
    with col_panel, st.container(key="actorgraph-panel"):
        panel(G_view, df_view)


# --------------------------------------------------------------------------- store, curation, URL (issue 11)

#: Articles per script run when a big corpus goes in: the graph redraws after each chunk.
INGEST_CHUNK = int(os.environ.get("ACTORGRAPH_INGEST_CHUNK") or 64)


def store_mode() -> bool:
    """The store is the default; statements files (tests, benchmarks) are shown without one."""
    return not env_paths("ACTORGRAPH_STATEMENTS")


@st.cache_resource(show_spinner=False)
def corpus_store(path: str):
    from actorgraph.store import open_store

    return open_store(path)


def the_store():
    from actorgraph.store import default_path

    return corpus_store(os.path.abspath(default_path()))


@st.cache_resource(show_spinner=False, max_entries=2)
def joined_store_frame(statements_signature: str, _store):
    """The stored statements with the corpus pass done: recomputed only when articles or
    statements change, not on every correction."""
    from actorgraph.curation import joined_frame

    return joined_frame(_store)


@st.cache_resource(show_spinner=False, max_entries=4)
def store_frame(signature: str, _store):
    """The corrected statements; keyed on the store's signature, so a correction shows at once."""
    from actorgraph.curation import apply

    base = joined_store_frame(signature.rsplit("|", 1)[0], _store)  # the signature's last part is the log
    return apply(base, _store.corrections())


def articles_to_ingest(store, errors: list[str]) -> list:
    """Articles offered this run (env paths, the bundled corpus on first run, folders, uploads)."""
    paths = env_paths("ACTORGRAPH_DATA")
    if not paths and not st.session_state.get("bundled_checked"):
        st.session_state["bundled_checked"] = True
        if store.counts()["articles"] == 0:
            paths = [bundled_articles()]
    folders = [p for p in st.session_state["folders"] if under_roots(p)]
    for p in filter(is_statements, folders):
        errors.append(f"{p}: Parquet statements are not articles: add them with "
                      "'actorgraph ingest --from' or open them with ACTORGRAPH_STATEMENTS")
    return unread_articles(paths + [p for p in folders if not is_statements(p)], errors)


def unread_articles(paths: list[str], errors: list[str]) -> list:
    """Articles of ``paths`` and the uploads this session has not ingested yet. The paths are
    read again only when their files changed (or a big ingest goes on), and their texts are
    not kept once stored: 10,000 articles' texts are some 50 MB the store already holds."""
    ss = st.session_state
    seen = (tuple(paths), tuple(path_signature(p) for p in paths))
    fresh = ss.get("paths_read") != seen or ss.get("ingest_more")
    if fresh:
        errs: list[str] = []
        articles = read_offered(paths, errs, cache=False)
        ss["paths_read"], ss["path_errors"] = seen, errs
    else:
        articles = read_offered([], [])  # the uploads only
    errors += ss.get("path_errors", [])
    done = ss.setdefault("ingested_ids", set())
    return [a for a in view.unique_articles(articles) if a.id not in done]


def ingest_step(store, articles: list, errors: list[str]) -> None:
    """Store new articles, a chunk per run, with every core when the chunk is big. The first
    chunk is INGEST_CHUNK articles, then each is as big as all before it (64, 64, 128, 256...):
    the graph shows early, and the corpus pass and the redraw after each chunk, which cover the
    whole store, add up to about twice one pass instead of growing with the square of the corpus.
    Articles the store already holds (a restart) are skipped before chunking: no rerun for them."""
    from actorgraph import memory
    from actorgraph.ingest import ingest_articles, reextract, split_stored

    ss = st.session_state
    stored, articles = split_stored(store, articles)
    ss["ingested_ids"].update(a.id for a in stored)
    size = max(INGEST_CHUNK, ss.get("ingest_run", 0))
    chunk, rest = articles[:size], articles[size:]
    ss["ingest_run"] = ss.get("ingest_run", 0) + len(chunk) if rest else 0
    processes = worker_processes(len(chunk))
    bar = st.progress(0.0, text=f"Analysing {len(articles)} article(s)…") if chunk else None

    def on_batch(done: int, total: int) -> None:
        bar.progress(min(1.0, done / max(total, 1)), text=f"Analysing articles: {done} of {len(articles)}")

    report = ingest_articles(store, chunk, gazetteer=gazetteer(), batch_size=16, processes=processes,
                             on_batch=on_batch if bar else None)  # fmt: skip
    errors += report.errors
    ss["ingested_ids"].update(a.id for a in chunk)
    ss["ingest_more"] = bool(rest)
    if not ss.get("stale_checked"):  # statements of another extractor version: read again once
        ss["stale_checked"] = True
        errors += reextract(store, gazetteer=gazetteer(), processes=worker_processes(PARALLEL_FROM)).errors
    if bar is not None:
        bar.empty()
    if chunk:
        forget_corpus_views()
        memory.give_back()  # the parse's and the batches' freed pages


def forget_corpus_views() -> None:
    """Drop the frames, graphs and drawings of the store as it was before this chunk: every
    session reads the one store, so they are stale for all, and a big ingest would otherwise
    keep a few generations of graphs (the largest objects the server holds) until pushed out."""
    for cached in (store_frame, joined_store_frame, filter_choices, corpus_graph, view_stage, drawn_graph,
                   positions, base_payload, actors_frame, window_periods, changes_between):  # fmt: skip
        cached.clear()


def load_store_corpus():
    """(signature, corrected statements, errors) from the store, after ingesting what is new."""
    from actorgraph.store import StoreError

    errors: list[str] = []
    try:
        store = the_store()
    except StoreError as exc:
        st.error(str(exc))
        st.stop()
    ingest_step(store, articles_to_ingest(store, errors), errors)
    sig = store.signature()
    # correction widgets are keyed on the log's length: a correction gives fresh widgets, never stale names
    st.session_state["cur_rev"] = sig.rsplit("|", 1)[-1].replace(":", "_")
    return sig, store_frame(sig, store), errors


def curation_messages() -> None:
    msg = st.session_state.pop("curation_error", None)
    if msg:
        st.error(view.md_escape(msg))  # it names actors, whose names come from article text


def correct(fn, *args, then=None, **kw) -> None:
    """Run one curation function (a button callback); its error shows on the next run."""
    from actorgraph.curation import CurationError

    try:
        fn(the_store(), *args, **kw)
    except CurationError as exc:
        st.session_state["curation_error"] = str(exc)
        return
    st.session_state["curation_rerun"] = True
    if then is not None:
        then()


def wkey(name: str) -> str:
    """Key of a correction widget (see ``cur_rev``)."""
    return f"{name}_{st.session_state.get('cur_rev', '')}"


def _rename(actor: str, names: list[str]) -> None:
    from actorgraph import curation

    new = " ".join(st.session_state.get(wkey("cur_rename"), "").split())
    correct(curation.rename, actor, new, names=names, then=lambda: select_actor(new))


def _merge(actor: str, names: list[str]) -> None:
    from actorgraph import curation

    into = st.session_state.get(wkey("cur_merge_into"))
    correct(curation.merge, actor, into, names=names, then=lambda: select_actor(into))


def actor_names(df) -> list[str]:
    """Every actor of the frame, sorted: worked out once per frame, though every quote's
    correction controls ask for it."""
    from actorgraph import curation

    memo = st.session_state.get("_actor_names")
    if memo is None or memo[0] is not df:
        memo = st.session_state["_actor_names"] = (df, curation.actor_names(df))
    return memo[1]


def actor_curation(actor: str, df) -> None:
    """Rename, merge into, retype, unmerge: the actor card's corrections (store only)."""
    if not store_mode():
        return
    from actorgraph import curation
    from actorgraph.records import ACTOR_TYPES

    names = actor_names(df)
    with st.expander("Correct this actor"):
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        c1.text_input("New name", value=actor, key=wkey("cur_rename"))
        c2.button("Rename", key="cur_rename_btn", on_click=_rename, args=(actor, names))
        others = [n for n in names if n != actor]
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        c1.selectbox("Merge into", others, index=None, key=wkey("cur_merge_into"), placeholder="type to search actors")
        c2.button("Merge", key="cur_merge_btn", on_click=_merge, args=(actor, names))
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        c1.selectbox("Type", ACTOR_TYPES, key=wkey("cur_type"))
        c2.button("Retype", key="cur_type_btn",
                  on_click=lambda: correct(curation.retype, actor, st.session_state[wkey("cur_type")], names=names))
        merged = {c.args["actor"] for c in curation.active(the_store().corrections()) if c.op == "merge"}
        for i, name in enumerate(n for n in curation.merged_names(df, actor) if n in merged):
            st.button("Unmerge " + view.md_escape(name[:40]), key=f"cur_unmerge_{i}", on_click=correct, args=(curation.unmerge, name))


def open_article(q: dict) -> None:
    st.session_state["article_view"] = q["article_id"]


def quote_controls(q: dict, df) -> None:
    """Reject, flip, edit and open the article of one quote in the evidence panel (store only)."""
    if not store_mode():
        return
    from actorgraph import curation

    sid = q["statement_id"]
    k = wkey(sid)
    c = st.columns(4)
    c[0].button("Reject", key=f"rej_{sid}", on_click=correct, args=(curation.reject, sid), help="drop this statement")
    c[1].button("Flip", key=f"flip_{sid}", on_click=correct, args=(curation.flip, sid), help="supports ⇄ opposes")
    with c[2].popover("Edit"):
        rels = curation.relation_names()
        st.selectbox("Relation", rels, index=rels.index(q["relation"]) if q["relation"] in rels else 0, key=f"rel_{k}")
        st.button("Set relation", key=f"relb_{sid}",
                  on_click=lambda: correct(curation.set_relation, sid, st.session_state[f"rel_{k}"]))
        names = actor_names(df)
        for side in ("source", "target"):
            st.selectbox(side.capitalize(), names, index=names.index(q[side]) if q[side] in names else None,
                         key=f"{side}_{k}", accept_new_options=True)
            st.button(f"Set {side}", key=f"{side}b_{sid}",
                      on_click=lambda s=side: correct(curation.set_end, sid, s, st.session_state[f"{s}_{k}"] or ""))
    c[3].button("Article", key=f"art_{sid}", on_click=open_article, args=(q,), help="read the whole article")


def close_article() -> None:
    st.session_state["article_view"] = None


def _add_statement(article_id: str, sentences: list) -> None:
    from actorgraph import curation

    ss = st.session_state
    s = sentences[ss[wkey("add_sentence")]]
    correct(curation.add_statement, article_id, s.start, s.end, ss.get(wkey("add_source")) or "",
            ss.get(wkey("add_target")) or "", ss[wkey("add_relation")])  # fmt: skip


def article_panel(df, article_id: str) -> None:
    """The article behind a quote, highlighted, with "add a statement" on a chosen sentence."""
    from actorgraph import article_view, curation

    art = the_store().article(article_id)
    st.button("Back to the evidence", on_click=close_article, key="close_article")
    if art is None:
        st.info("This article is not in the store.")
        return
    rows = df[df["article_id"] == article_id].to_dict("records")
    st.caption(view.md_escape(" · ".join(x for x in (art.date, art.url or art.path) if x)))
    with st.container(height=420, border=False):
        st.html(article_view.article_html(art.title, art.text, rows))
    sentences = article_view.sentences(art.text)
    with st.expander("Add a statement"):
        st.selectbox("Sentence", range(len(sentences)), key=wkey("add_sentence"),
                     format_func=lambda i: f"{i + 1}. {sentences[i].text[:90]}")  # fmt: skip
        names = actor_names(df)
        st.selectbox("Source", names, index=None, key=wkey("add_source"), accept_new_options=True, placeholder="actor")
        st.selectbox("Relation", curation.relation_names(), key=wkey("add_relation"))
        st.selectbox("Target", names, index=None, key=wkey("add_target"), accept_new_options=True, placeholder="actor")
        st.button("Add statement", key="add_btn", on_click=_add_statement, args=(article_id, sentences))


def history_panel() -> None:
    """Undo, redo and the corrections log (sidebar)."""
    from actorgraph import curation

    rows = curation.history(the_store())
    with st.expander(f"Corrections ({sum(r.state == 'active' for r in rows)} in force)", expanded=False):
        c1, c2 = st.columns(2)
        c1.button("Undo", key="undo_btn", on_click=correct, args=(curation.undo,), disabled=not rows)
        c2.button("Redo", key="redo_btn", on_click=correct, args=(curation.redo,), disabled=not rows)
        for r in rows[:30]:
            mark = {"active": "", "undone": " (undone)", "": ""}[r.state]
            st.text(f"#{r.seq} {r.text}{mark}")


def apply_url_state(opts: dict) -> None:
    """On a session's first run, take the view from the URL (values the corpus lacks are dropped)."""
    from actorgraph import urlstate

    ss = st.session_state
    if ss.get("url_loaded"):
        return
    ss["url_loaded"] = True
    wanted = urlstate.state_from_params({k: st.query_params.get_all(k) for k in st.query_params})
    limits = {"f_stances": opts["stances"], "f_relations": opts["relations"], "f_types": opts["actor_types"],
              "f_focus": [""] + opts["actors"], "f_hops": [1, 2, 3, 4],
              "f_weight": list(range(1, int(opts["max_weight"]) + 1))}  # fmt: skip
    wanted = urlstate.allowed(wanted, limits)
    if "f_conf" in wanted:
        wanted["f_conf"] = min(1.0, max(0.0, wanted["f_conf"]))
    ss.update(wanted)


def url_and_history(opts: dict) -> None:
    """Sidebar, before the filters: the view from the URL (first run), then the corrections panel."""
    apply_url_state(opts)
    if store_mode():
        history_panel()


def finish_run() -> None:
    """End of a run: the view into the URL; the next chunk of a big ingest, if any."""
    sync_url()
    if st.session_state.get("ingest_more"):  # the graph of this chunk is drawn; go on with the next
        st.rerun()


def sync_url() -> None:
    """Write the current view into the URL (only when it changed, so history stays clean)."""
    from actorgraph import urlstate

    want = urlstate.params_from_state(st.session_state)
    have = {k: (st.query_params.get_all(k) if k in urlstate.LISTS else st.query_params.get(k)) for k in st.query_params}
    if have != want:
        st.query_params.from_dict(want)


# --------------------------------------------------------------------------- page


def main() -> None:
    init_state()
    with st.sidebar:
        sidebar_sources()
    header = st.container()
    with header:
        st.title("Actorgraph")
        st.caption("Who supports and who opposes whom in the news, with the sentence behind every line.")
        sig, df, errors = load_corpus()
        curation_messages()
        if errors:
            with st.expander(f"{len(errors)} file(s) or row(s) could not be read; the rest is used", expanded=True):
                for e in errors:
                    st.text(e)
    if df.empty:
        header.info("No statements found in these articles. Add articles in the sidebar.")
        return finish_run()
    G_all = corpus_graph(sig, df)
    with st.sidebar:
        opts = filter_choices(sig, df)
        url_and_history(opts)
        f, color_by, (cap, edge_cap) = sidebar_filters(opts)
        layout, size_by, quote = sidebar_drawing()
    with header:
        date_from, date_to = time_window(df, sig)
    f = dataclasses.replace(f, date_from=date_from, date_to=date_to, quote=quote)
    df_view, G_view = view_stage(sig, f, df, G_all)
    keep = tuple(a for a in (st.session_state.get("selected_actor"), f.focus) if a and G_view.number_of_nodes() > cap)
    G_draw, left_out, gsig, n_edges = drawn_graph(f"{sig}|{f}", cap, edge_cap, keep, G_view)
    pos = drawing_positions(G_draw, gsig, layout)
    with header:
        m = st.columns(4)
        count_metric(m[0], "Actors", G_draw.number_of_nodes(), G_view.number_of_nodes(),
                     f"drawn of those matching the filters; {G_all.number_of_nodes():,} in all articles")  # fmt: skip
        m[1].metric("Statements", f"{len(df_view):,}", help=f"{len(df):,} in all articles")
        count_metric(m[2], "Edges", *n_edges,
                     "one per source, target and stance; drawn of those matching the filters")  # fmt: skip
        m[3].metric("Articles", f"{articles_in(f'{sig}|{f}', df_view):,}", help=f"{len(opts['articles']):,} in all")
        if left_out:
            st.info(
                f"{left_out} actors not shown: only the {G_draw.number_of_nodes()} most connected of "
                f"{G_view.number_of_nodes()} are drawn (raise 'Most actors drawn' or filter to see others)."
            )
        if n_edges[0] == edge_cap < n_edges[1]:
            st.info(f"Only the {edge_cap:,} heaviest edges (most statements) among the actors drawn are shown, of "
                    f"{n_edges[1]:,} matching the filters (raise 'Most edges drawn' or filter to see others).")  # fmt: skip
        if f.focus:
            c1, c2 = st.columns([4, 1])
            c1.info(f"Focused on {view.md_escape(f.focus)}, {f.hops} hop(s) around it.")
            c2.button("Show whole graph", on_click=set_focus, args=(None,))
        st.toggle("Evidence beside the graph", value=True, key="panel_beside",
                  help="Off: the drawing takes the page width and the evidence goes below it")  # fmt: skip
    if G_draw.number_of_nodes() == 0:
        st.warning("No actor matches these filters.")
    else:
        payload = base_payload(f"{gsig}|{sig}|{f}|{layout}", color_by, size_by, pos is not None, G_draw, pos)
        graph_and_panel(payload, G_draw, G_view, df_view)

    tables(df, df_view, G_view, G_all, f, sig)
    finish_run()


def view_for_export(df, f: Filters, G_view):
    """The current view with every quote, id, title and origin on its edges, as a download asks
    for it: built on the click (``view_stage``'s graph leaves them out)."""
    return G_view if f.is_default() else lambda: apply(df, f)[1]


def tables(df, df_view, G_view, G_all, f: Filters, sig: str) -> None:
    """The tabs under the graph. Only the open one runs (a tab click reruns the page): a filter
    change does not also compute the actors' ties and what changed, unseen."""
    tabs = st.tabs(["Statements", "Actors", "What changed", "Downloads"], key="main_tab", on_change="rerun")
    if tabs[0].open:
        with tabs[0]:
            statements_tab(df_view)
    if tabs[1].open:
        with tabs[1]:
            actors_tab(G_view, f"{sig}|{f}")
    if tabs[2].open:
        with tabs[2]:
            what_changed_tab(df, f, sig)
    if tabs[3].open:
        with tabs[3]:
            st.caption("“Current view” is the filtered graph; “whole graph” is every statement found. "
                       "The drawing itself: the PNG and SVG buttons under it save the current view.")  # fmt: skip
            for i, e in enumerate(view.exports(view_for_export(df, f, G_view), G_all, df_view)):
                st.download_button(e.label, data=e.data, file_name=e.file_name, mime=e.mime, on_click="ignore",
                                   key=f"dl{i}")  # fmt: skip


if __name__ == "__main__":  # not when a worker process started by a fork server imports this script
    main()
