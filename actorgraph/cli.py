"""The ``actorgraph`` command: the same library functions the Streamlit app calls."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import IO, Sequence

from . import __version__


def _open_out(path: str | None) -> IO[str]:
    if not path or path == "-":
        return sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="")


def _report(errors, prefix: str = "") -> None:
    from .paths import printable

    for err in errors:
        print(printable(f"actorgraph: {prefix}{err}"), file=sys.stderr)  # a file name cannot forge lines


def _extract(paths: Sequence[str], input_format: str | None, gazetteers: Sequence[str], processes: int,
             on_article=None, skip: frozenset[str] = frozenset()):
    """Read articles and extract statements; returns (statements, load errors).

    ``on_article(article_id, statements)`` is called as each article finishes; articles
    whose id is in ``skip`` (done in a resumed run) are not parsed.
    """
    from .articles import read_articles
    from .gazetteer import load_gazetteer
    from .journal import ByArticle
    from .statements import extract_statements

    loaded = read_articles(paths, fmt=input_format)
    _report(loaded.warnings, "warning: ")
    problems: list[str] = []
    gaz = load_gazetteer(gazetteers, errors=problems)
    todo = [a for a in loaded.articles if a.id not in skip]
    by_article = ByArticle([a.id for a in todo], on_article or (lambda *_: None))
    failed: list = []  # articles the pipeline could not analyse, one line each
    statements = []
    for s in extract_statements(todo, gazetteer=gaz, n_process=processes, progress_bar=True,
                                progress=by_article.progress, errors=failed):
        by_article.add(s)
        statements.append(s)
    return statements, [*problems, *loaded.errors, *failed]


def _finish(statements: list, args: argparse.Namespace) -> list:
    """The corpus-level pass over a whole run's statements, before the final output.

    One name per person or body across everything read (``actorgraph.identity``),
    unless --no-join. Everything that writes a run's final result goes through this
    function; ``extract --stream`` writes per article and skips it.
    """
    if args.no_join:
        return statements
    from .identity import join_names

    return join_names(statements)


def _writer(fmt: str, exact: bool):
    from .readwrite.statements import write_csv, write_jsonl

    return (lambda rows, fh: write_csv(rows, fh, exact=exact)) if fmt == "csv" else write_jsonl


def _stream_sink(fmt: str, exact: bool):
    """``--stream``: each article's statements go to stdout as it finishes (no corpus pass)."""
    from .readwrite.statements import write_csv, write_jsonl

    if fmt == "csv":
        write_csv([], sys.stdout, exact=exact)  # the header

    def sink(_article_id: str, rows: list) -> None:
        if fmt == "csv":
            write_csv(rows, sys.stdout, exact=exact, header=False)
        else:
            write_jsonl(rows, sys.stdout)
        sys.stdout.flush()

    return sink


def _extract_to_folder(args: argparse.Namespace) -> int:
    from .distributed import EngineError, describe, extract_to_folder

    if not args.output or args.output == "-":
        print("actorgraph: --engine dask writes a folder of Parquet shards: give -o OUT_DIR/", file=sys.stderr)
        return 2
    try:
        summary = extract_to_folder(
            args.paths, args.output, fmt=args.input_format, gazetteers=args.gazetteer, engine=args.engine,
            scheduler=args.scheduler, workers=args.workers, partition_size=args.partition_size, n_process=args.processes,
        )  # fmt: skip
    except EngineError as exc:
        print(f"actorgraph: {exc}", file=sys.stderr)
        return 2
    print(f"actorgraph: {describe(summary, args.output)}", file=sys.stderr)
    return summary.exit_code


def _extract_parquet(args: argparse.Namespace, out: str) -> int:
    """``-o FILE.parquet``: the whole run, after the corpus pass, as one Parquet file."""
    from .readwrite.parquet import write_statements

    if not out or out == "-":
        print("actorgraph: Parquet is written to a file: give -o FILE.parquet (or -o OUT_DIR/ for shards)", file=sys.stderr)
        return 2
    from .journal import JournalError, check_writable

    try:
        check_writable(out)  # before any parsing
    except JournalError as e:
        _report([e])
        return 2
    statements, errors = _extract(args.paths, args.input_format, args.gazetteer, args.processes)
    _report(errors)
    statements = _finish(statements, args)
    write_statements(statements, out)
    print(f"actorgraph: {len(statements)} statements -> {out}", file=sys.stderr)
    return 1 if errors else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .journal import Journal, JournalError

    out = args.output or ""
    fmt = args.format or ("csv" if out.lower().endswith(".csv") else "parquet" if out.lower().endswith(".parquet") else "jsonl")
    if args.db is not None:  # a store: its statements with the corrections applied
        return _extract_db(args, fmt)
    if not args.paths:
        args.parser.error("the following arguments are required: PATH (or --db FILE)")  # exits 2
    if args.engine == "dask" or out.endswith(("/", os.sep)) or os.path.isdir(out):
        return _extract_to_folder(args)
    if fmt == "parquet":
        return _extract_parquet(args, out)
    to_file = bool(args.output) and args.output != "-"
    if args.resume and not to_file:
        print("actorgraph: --resume needs -o FILE (it reads FILE.partial)", file=sys.stderr)
        return 2
    if args.stream and to_file:
        print("actorgraph: --stream writes to stdout; with -o FILE every article is saved as it finishes anyway",
              file=sys.stderr)
        return 2
    write = _writer(fmt, args.csv_exact)
    journal = sink = None
    if to_file:
        try:
            journal = Journal(args.output, resume=args.resume)  # fails here, before any parsing
        except JournalError as e:
            _report([e])
            return 2
        sink = journal.article
    elif args.stream:
        sink = _stream_sink(fmt, args.csv_exact)
    try:
        statements, errors = _extract(args.paths, args.input_format, args.gazetteer, args.processes,
                                      on_article=sink, skip=frozenset(journal.done) if journal else frozenset())
    except BaseException:
        if journal:
            journal.close()  # FILE.partial keeps every finished article for --resume
        raise
    _report(errors)
    if journal:
        statements = _finish(journal.resumed() + statements, args)
        journal.commit(statements, write)
    elif not args.stream:
        statements = _finish(statements, args)
        write(statements, sys.stdout)
    print(f"actorgraph: {len(statements)} statements", file=sys.stderr)
    return 1 if errors else 0


def _extract_db(args: argparse.Namespace, fmt: str) -> int:
    from .cli_store import store_frame, write_frame
    from .store import StoreError

    if args.paths:
        print("actorgraph: give article PATHs or --db, not both (use 'actorgraph ingest' to add them)", file=sys.stderr)
        return 2
    try:
        df = store_frame(args.db)
    except StoreError as exc:
        _report([exc])
        return 1
    if fmt == "parquet":
        from .graph import frame_statements
        from .readwrite.parquet import write_statements

        if not args.output or args.output == "-":
            print("actorgraph: Parquet is written to a file: give -o FILE.parquet", file=sys.stderr)
            return 2
        n = write_statements(frame_statements(df), args.output)  # the corrected statements
    else:
        out = _open_out(args.output)
        try:
            n = write_frame(df, out, fmt, exact=args.csv_exact)
        finally:
            if out is not sys.stdout:
                out.close()
    print(f"actorgraph: {n} statements from {args.db}", file=sys.stderr)
    return 0


EXPORT_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv"}


def _export_format(args: argparse.Namespace) -> str | None:
    """--format, else the -o suffix; a folder (no suffix) means csv, stdout means graphml."""
    if args.format:
        return args.format
    if not args.output or args.output == "-":
        return "graphml"
    suffix = Path(args.output).suffix.lower()
    return EXPORT_FORMATS.get(suffix) if suffix else "csv"


def _read_saved(paths: Sequence[str], exact: bool = False):
    """Statements from files saved by ``extract``; each bad line is one error and is skipped."""
    from .readwrite.statements import read_statements

    statements, errors = [], []
    for path in paths:
        statements.extend(read_statements(path, errors, exact=exact))
    return statements, errors


def _export_filters(args: argparse.Namespace):
    from .filters import Filters

    return Filters(
        stances=args.stance, relations=args.relation, actor_types=args.actor_type,
        date_from=args.date_from, date_to=args.date_to, articles=args.article, sources=args.source,
        min_weight=args.min_weight, min_confidence=args.min_confidence, search=args.search or "",
        focus=args.focus, hops=args.hops, drop_isolated=not args.keep_isolated, top_n=args.top,
        quote=args.quote or "",
    )  # fmt: skip


def _export_usage_error(args: argparse.Namespace, fmt: str | None) -> str | None:
    """What is wrong with the export's command line, checked before any parsing."""
    if fmt is None:
        return f"cannot tell the format from {args.output!r}; use --format"
    if fmt == "csv" and (not args.output or args.output == "-"):
        return "--format csv writes three tables: give -o FOLDER or -o PREFIX.csv"
    if not args.paths and not args.from_files and args.db is None:
        return "nothing to export: give article PATHs, --from STATEMENTS or --db FILE"
    return None


def _unknown_focus(df, focus: str | None) -> str | None:
    """The error line when ``--focus`` names no actor, with the closest names as a hint."""
    import difflib

    from .filters import resolve_actor

    if not focus or resolve_actor(df, focus) is not None:
        return None
    names = sorted(set(df["source"]) | set(df["target"]))
    close = difflib.get_close_matches(focus, names, n=3, cutoff=0.5)
    hint = f" (did you mean: {', '.join(close)}?)" if close else ""
    return f"--focus {focus!r}: no actor of that name or alias{hint}"


def _write_export(selected, G, fmt: str, args: argparse.Namespace) -> str:
    """Write the graph (or the CSV bundle) and say where it went."""
    from .readwrite import gexf, graphml, tables
    from .readwrite import json as node_link

    if fmt == "csv":
        return ", ".join(str(p) for p in tables.write_csv_bundle(selected, G, args.output, exact=args.csv_exact))
    to_bytes = {"graphml": graphml.to_graphml_bytes, "gexf": gexf.to_gexf_bytes, "json": node_link.to_json_bytes}
    out = _open_out(args.output)
    try:
        out.write(to_bytes[fmt](G).decode("utf-8"))
    finally:
        if out is not sys.stdout:
            out.close()
    return args.output if out is not sys.stdout else "stdout"


def cmd_export(args: argparse.Namespace) -> int:
    from .filters import apply
    from .graph import statements_frame

    fmt = _export_format(args)
    problem = _export_usage_error(args, fmt)
    if problem:
        print(f"actorgraph: {problem}", file=sys.stderr)
        return 2
    if args.output and args.output != "-" and fmt != "csv":
        from .journal import JournalError, check_writable

        try:
            check_writable(args.output)  # before any parsing
        except JournalError as e:
            _report([e])
            return 2
    statements, errors = _read_saved(args.from_files, exact=args.csv_exact)
    if args.paths:
        extracted, load_errors = _extract(args.paths, args.input_format, args.gazetteer, args.processes)
        statements += extracted
        errors += load_errors
    df = statements_frame(_finish(statements, args))
    if args.db is not None:
        df = _with_store(df, args.db, errors)
    _report(errors)
    f = _export_filters(args)
    problem = _unknown_focus(df, f.focus)
    if problem:
        print(f"actorgraph: {problem}", file=sys.stderr)
        return 1
    selected, G = apply(df, f, multigraph=args.multigraph)
    written = _write_export(selected, G, fmt, args)
    print(
        f"actorgraph: {len(selected)} of {len(df)} statements -> {G.number_of_nodes()} actors, "
        f"{G.number_of_edges()} edges ({fmt}) -> {written}",
        file=sys.stderr,
    )
    return 1 if errors else 0


def _with_store(df, db: str, errors: list):
    """Add a store's corrected statements (with their corrected/manual flags) to ``df``."""
    import pandas as pd

    from .cli_store import store_frame
    from .store import StoreError

    try:
        stored = store_frame(db)
    except StoreError as exc:
        errors.append(exc)
        return df
    if len(df):
        df = df.assign(corrected=False, manual=False)
        stored = pd.concat([stored, df[~df["id"].isin(stored["id"])]], ignore_index=True)
    return stored


def cmd_timeline(args: argparse.Namespace) -> int:
    """Statements per period as CSV: the counts the app's time charts draw."""
    from .filters import Filters, filter_frame, resolve_actor
    from .graph import statements_frame
    from .timeline import period_counts

    if not args.from_files:
        print("actorgraph: nothing to count: give --from STATEMENTS", file=sys.stderr)
        return 2
    statements, errors = _read_saved(args.from_files)  # the same reader as export --from
    _report(errors)
    df = statements_frame(statements)
    if args.date_from or args.date_to:
        df = filter_frame(df, Filters(date_from=args.date_from, date_to=args.date_to))
    names = {}
    for option, given in (("--actor", args.actor), ("--counterpart", args.counterpart)):
        if given is not None:
            names[option] = resolve_actor(df, given)
            if names[option] is None:
                print(f"actorgraph: {option} {given!r}: no actor of that name or alias", file=sys.stderr)
                return 1
    try:
        table = period_counts(df, actor=names.get("--actor"), counterpart=names.get("--counterpart"), freq=args.freq)
    except ValueError as exc:
        print(f"actorgraph: --freq: {exc}", file=sys.stderr)
        return 2
    out = _open_out(args.output)
    try:
        table.to_csv(out, index=False, lineterminator="\n")
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"actorgraph: {int(table['statements'].sum())} dated statements in {len(table)} periods "
          f"({table.attrs['freq']}); {table.attrs['undated']} undated left out", file=sys.stderr)  # fmt: skip
    return 1 if errors else 0


def _add_timeline_parser(sub) -> None:
    t = sub.add_parser(
        "timeline",
        help="print statements per period (day, week, month, year) as CSV",
        description="Count saved statements per period: supports and opposes in the whole corpus, or "
        "given and received by one actor (--actor), optionally only with one counterpart. Every period "
        "from the first to the last date is listed; undated statements are left out.",
    )
    t.add_argument("--from", dest="from_files", action="append", default=[], metavar="STATEMENTS",
                   help="statements saved by 'actorgraph extract' (.jsonl, .csv, .parquet or a shard folder); repeatable")
    t.add_argument("--actor", metavar="NAME", help="count what this actor (name or alias) gives and receives")
    t.add_argument("--counterpart", metavar="NAME", help="with --actor: only statements between the two")
    t.add_argument("--freq", default="auto", metavar="D|W|M|Y|auto",
                   help="period: day, week (labelled by its Monday), month, year; auto (default) picks "
                   "the finest giving at most 60 periods")
    t.add_argument("--date-from", type=_iso_date, metavar="DATE", help="on or after (YYYY[-MM[-DD]])")
    t.add_argument("--date-to", type=_iso_date, metavar="DATE", help="on or before (YYYY[-MM[-DD]])")
    t.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    t.set_defaults(func=cmd_timeline)


def _iso_date(text: str) -> str:
    import datetime as dt
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        dt.date.fromisoformat((text + "-01-01")[:10])  # 2015-13-45 is no date
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real date") from None
    return text


def _at_least(low: float, cast=int):
    import math

    def parse(text: str):
        try:
            value = cast(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}")
        return value

    return parse


def _add_export_parser(sub, common: argparse.ArgumentParser) -> None:
    from .records import ACTOR_TYPES, STANCES

    x = sub.add_parser(
        "export",
        parents=[common],
        help="extract (or reuse saved statements), filter, and write the graph",
        description="Build the actor-stance graph from articles (PATH...) and/or saved statements "
        "(--from), keep what the filters select, and write GraphML, GEXF, node-link JSON or CSV "
        "tables. The default graph has one edge per (source, target, stance) with the statement "
        "count as weight; --multigraph writes one edge per statement. Bad inputs are reported on "
        "stderr, the rest is exported, and the exit code is 1.",
    )
    x.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    x.add_argument("--db", metavar="FILE", help="statements of an Actorgraph store, with its corrections")
    x.add_argument("--from", dest="from_files", action="append", default=[], metavar="STATEMENTS",
                   help="statements saved by 'actorgraph extract' (.jsonl, .csv, .parquet or a "
                   "folder of Parquet shards); repeatable")
    x.add_argument("--format", choices=["graphml", "gexf", "json", "csv"],
                   help="output format (default: from the -o suffix; a folder means csv; graphml on stdout)")
    x.add_argument("-o", "--output", metavar="OUT",
                   help="output file; for csv a folder (or PREFIX.csv giving PREFIX_statements.csv, ...)")
    x.add_argument("--multigraph", action="store_true", help="one edge per statement instead of per (pair, stance)")
    x.add_argument("--csv-exact", action="store_true",
                   help="CSV: write text exactly, and read --from CSV files as exact (default: cells starting "
                        "with = + - @ tab or CR get a leading ' so spreadsheets show them as text)")
    g = x.add_argument_group("filters (all optional; repeatable options take any of the values)")
    g.add_argument("--stance", action="append", choices=sorted(STANCES), help="keep this stance")
    g.add_argument("--relation", action="append", metavar="KIND", help="keep this relation kind")
    g.add_argument("--actor-type", action="append", choices=ACTOR_TYPES,
                   help="keep statements whose two actors are of these types")
    g.add_argument("--date-from", type=_iso_date, metavar="DATE", help="articles on or after (YYYY[-MM[-DD]])")
    g.add_argument("--date-to", type=_iso_date, metavar="DATE", help="articles on or before (YYYY[-MM[-DD]])")
    g.add_argument("--article", action="append", metavar="ID", help="keep this article id")
    g.add_argument("--source", action="append", metavar="PATH_OR_URL", help="keep articles from this path or URL")
    g.add_argument("--min-weight", type=_at_least(1), default=1, metavar="N",
                   help="keep edges backed by at least N statements")
    g.add_argument("--min-confidence", type=_at_least(0.0, float), default=0.0, metavar="X",
                   help="keep statements with confidence >= X")
    g.add_argument("--search", metavar="TEXT", help="keep statements with an actor whose name or alias contains TEXT")
    g.add_argument("--quote", metavar="TEXT", help="keep statements whose sentence contains TEXT (case-insensitive)")
    g.add_argument("--focus", metavar="ACTOR", help="keep the ego network of this actor (name or alias)")
    g.add_argument("--hops", type=_at_least(0), default=1, metavar="N", help="ego network radius for --focus (default 1)")
    g.add_argument("--top", type=_at_least(1), metavar="N", help="keep the N actors in most statements")
    g.add_argument("--keep-isolated", action="store_true",
                   help="keep actors selected by type/search/focus/top even when no edge is left")
    x.set_defaults(func=cmd_export)


def _add_engine_args(e: argparse.ArgumentParser) -> None:
    """Flags of ``extract`` for the Parquet shards and Dask (``actorgraph.distributed``)."""
    d = e.add_argument_group("Parquet shards and Dask (see the README, 'Many machines: Dask and Parquet')")
    d.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="dask: extract on a Dask cluster into the folder -o OUT_DIR/ (default local)")
    d.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (default: a local cluster)")
    d.add_argument("--workers", type=_at_least(1), metavar="N", help="local cluster worker processes (default: cores)")
    d.add_argument("--partition-size", type=_at_least(1), default=200, metavar="N",
                   help="articles per partition and shard (default 200)")


def _common_parser() -> argparse.ArgumentParser:
    """Options every extracting command shares (extract, export, ingest)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--input-format",
        choices=["txt", "md", "html", "csv", "json", "jsonl", "parquet"],
        help="read every input file as this format (default: by file suffix)",
    )
    common.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="CSV",
        help="an extra actor gazetteer CSV (same columns as actorgraph/data/gazetteer/actors.csv); repeatable",
    )
    common.add_argument(
        "--processes", type=int, default=1, metavar="N", help="spaCy worker processes (default 1)"
    )
    common.add_argument(
        "--no-join", action="store_true",
        help="keep each article's actor names as extracted: no corpus pass joining one person's names "
        "(Chuck/Charles Schumer, Schumer) into one",
    )  # fmt: skip

    return common


def _add_extract_parser(sub, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    e = sub.add_parser(
        "extract",
        parents=[common],
        help="extract actor-stance statements from articles",
        description="Read articles (.txt/.md/.html files, .csv/.json/.jsonl tables, or folders of "
        "them, recursively) and print one statement per line: source, target, stance, sign, "
        "relation, the quote with its offsets, the article and a confidence. Bad files are reported "
        "on stderr and the rest goes through; the exit code is 1 when any input failed. "
        "Output is written when the run completes, after the corpus-level pass over all statements; "
        "with -o FILE each finished article is also saved at once in FILE.partial (--resume goes on "
        "from there), and --stream prints each article's statements to stdout as it finishes.",
    )
    e.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    e.add_argument("--db", metavar="FILE", help="print the statements of this store, corrections applied")
    e.add_argument(
        "--format",
        choices=["jsonl", "csv", "parquet"],
        help="output format (default: jsonl, or csv/parquet when -o ends in .csv/.parquet)",
    )
    e.add_argument("-o", "--output", metavar="FILE",
                   help="write here instead of stdout: checked before parsing; each finished article goes to "
                        "FILE.partial at once, and FILE is written whole (after the corpus pass) at the end; FILE.parquet is "
                        "one Parquet file; a folder (OUT_DIR/) gets resumable Parquet shards")
    e.add_argument("--resume", action="store_true",
                   help="with -o FILE: skip the articles already finished in FILE.partial (a killed run)")
    e.add_argument("--stream", action="store_true",
                   help="on stdout, print each article's statements as it finishes, without the corpus pass "
                        "(default: print everything at the end, after it)")
    e.add_argument("--csv-exact", action="store_true",
                   help="CSV: write text exactly (default: cells starting with = + - @ tab or CR get a "
                        "leading ' so spreadsheets show them as text; --from strips it again)")
    _add_engine_args(e)
    e.set_defaults(func=cmd_extract, parser=e)
    return e


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="actorgraph",
        description="Find who supports and who opposes whom in news articles, "
        "with the sentence that backs every stance.",
        epilog="examples:\n"
        "  actorgraph extract data/articles/ > statements.jsonl\n"
        "  actorgraph extract my_corpus.csv --format csv -o statements.csv\n"
        "  actorgraph export data/articles/ -o graph.graphml\n"
        "  actorgraph export --from statements.jsonl --focus Russia --hops 1 -o russia.gexf\n"
        "  actorgraph timeline --from statements.jsonl --actor Russia --freq M\n"
        "\n'actorgraph COMMAND --help' describes each command; 'streamlit run app.py' opens the explorer.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"actorgraph {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    common = _common_parser()
    _add_extract_parser(sub, common)
    _add_export_parser(sub, common)
    from .cli_store import add_parsers

    add_parsers(sub, common)
    _add_timeline_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
