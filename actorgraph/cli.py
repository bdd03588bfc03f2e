"""The ``actorgraph`` command: the same library functions the Streamlit app calls."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, Sequence

from . import __version__


def _open_out(path: str | None) -> IO[str]:
    if not path or path == "-":
        return sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="")


def _report(errors) -> None:
    for err in errors:
        print(f"actorgraph: {err}", file=sys.stderr)


def _extract(paths: Sequence[str], input_format: str | None, gazetteers: Sequence[str], processes: int):
    """Read articles and extract statements; returns (statements, load errors)."""
    from .articles import read_articles
    from .gazetteer import load_gazetteer
    from .statements import extract_statements

    loaded = read_articles(paths, fmt=input_format)
    problems: list[str] = []
    gaz = load_gazetteer(gazetteers, errors=problems)
    failed: list = []  # articles the pipeline could not analyse, one line each
    statements = list(
        extract_statements(loaded.articles, gazetteer=gaz, n_process=processes, progress_bar=True, errors=failed)
    )
    return statements, [*problems, *loaded.errors, *failed]


def cmd_extract(args: argparse.Namespace) -> int:
    from .readwrite.statements import write_csv, write_jsonl

    fmt = args.format or ("csv" if args.output and args.output.lower().endswith(".csv") else "jsonl")
    statements, errors = _extract(args.paths, args.input_format, args.gazetteer, args.processes)
    _report(errors)
    out = _open_out(args.output)
    try:
        (write_csv if fmt == "csv" else write_jsonl)(statements, out)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"actorgraph: {len(statements)} statements", file=sys.stderr)
    return 1 if errors else 0


EXPORT_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv"}


def _export_format(args: argparse.Namespace) -> str | None:
    """--format, else the -o suffix; a folder (no suffix) means csv, stdout means graphml."""
    if args.format:
        return args.format
    if not args.output or args.output == "-":
        return "graphml"
    suffix = Path(args.output).suffix.lower()
    return EXPORT_FORMATS.get(suffix) if suffix else "csv"


def _read_saved(paths: Sequence[str]):
    """Statements from files saved by ``extract``; a bad file keeps the lines read before it."""
    from .readwrite.statements import StatementsError, read_statements

    statements, errors = [], []
    for path in paths:
        try:
            for s in read_statements(path):
                statements.append(s)
        except StatementsError as exc:
            errors.append(exc)
    return statements, errors


def _export_filters(args: argparse.Namespace):
    from .filters import Filters

    return Filters(
        stances=args.stance, relations=args.relation, actor_types=args.actor_type,
        date_from=args.date_from, date_to=args.date_to, articles=args.article, sources=args.source,
        min_weight=args.min_weight, min_confidence=args.min_confidence, search=args.search or "",
        focus=args.focus, hops=args.hops, drop_isolated=not args.keep_isolated, top_n=args.top,
    )  # fmt: skip


def cmd_export(args: argparse.Namespace) -> int:
    import difflib

    from .filters import apply, resolve_actor
    from .graph import statements_frame
    from .readwrite import gexf, graphml, tables
    from .readwrite import json as node_link

    fmt = _export_format(args)
    if fmt is None:
        print(f"actorgraph: cannot tell the format from {args.output!r}; use --format", file=sys.stderr)
        return 2
    if fmt == "csv" and (not args.output or args.output == "-"):
        print("actorgraph: --format csv writes three tables: give -o FOLDER or -o PREFIX.csv", file=sys.stderr)
        return 2
    if not args.paths and not args.from_files:
        print("actorgraph: nothing to export: give article PATHs or --from STATEMENTS", file=sys.stderr)
        return 2
    statements, errors = _read_saved(args.from_files)
    if args.paths:
        extracted, load_errors = _extract(args.paths, args.input_format, args.gazetteer, args.processes)
        statements += extracted
        errors += load_errors
    _report(errors)
    df = statements_frame(statements)
    f = _export_filters(args)
    if f.focus and resolve_actor(df, f.focus) is None:
        names = sorted(set(df["source"]) | set(df["target"]))
        close = difflib.get_close_matches(f.focus, names, n=3, cutoff=0.5)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        print(f"actorgraph: --focus {f.focus!r}: no actor of that name or alias{hint}", file=sys.stderr)
        return 1
    selected, G = apply(df, f, multigraph=args.multigraph)
    if fmt == "csv":
        written = ", ".join(str(p) for p in tables.write_csv_bundle(selected, G, args.output))
    else:
        to_bytes = {"graphml": graphml.to_graphml_bytes, "gexf": gexf.to_gexf_bytes, "json": node_link.to_json_bytes}
        out = _open_out(args.output)
        try:
            out.write(to_bytes[fmt](G).decode("utf-8"))
        finally:
            if out is not sys.stdout:
                out.close()
        written = args.output if out is not sys.stdout else "stdout"
    print(
        f"actorgraph: {len(selected)} of {len(df)} statements -> {G.number_of_nodes()} actors, "
        f"{G.number_of_edges()} edges ({fmt}) -> {written}",
        file=sys.stderr,
    )
    return 1 if errors else 0


def _iso_date(text: str) -> str:
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _at_least(low: float, cast=int):
    def parse(text: str):
        try:
            value = cast(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
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
    x.add_argument("--from", dest="from_files", action="append", default=[], metavar="STATEMENTS",
                   help="statements saved by 'actorgraph extract' (.jsonl or .csv); repeatable")
    x.add_argument("--format", choices=["graphml", "gexf", "json", "csv"],
                   help="output format (default: from the -o suffix; a folder means csv; graphml on stdout)")
    x.add_argument("-o", "--output", metavar="OUT",
                   help="output file; for csv a folder (or PREFIX.csv giving PREFIX_statements.csv, ...)")
    x.add_argument("--multigraph", action="store_true", help="one edge per statement instead of per (pair, stance)")
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
    g.add_argument("--focus", metavar="ACTOR", help="keep the ego network of this actor (name or alias)")
    g.add_argument("--hops", type=_at_least(0), default=1, metavar="N", help="ego network radius for --focus (default 1)")
    g.add_argument("--top", type=_at_least(1), metavar="N", help="keep the N actors in most statements")
    g.add_argument("--keep-isolated", action="store_true",
                   help="keep actors selected by type/search/focus/top even when no edge is left")
    x.set_defaults(func=cmd_export)


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
        "\n'actorgraph COMMAND --help' describes each command; 'streamlit run app.py' opens the explorer.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"actorgraph {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--input-format",
        choices=["txt", "md", "html", "csv", "json", "jsonl"],
        help="read every input file as this format (default: by file suffix)",
    )
    common.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="CSV",
        help="an extra actor gazetteer CSV (same columns as data/gazetteer/actors.csv); repeatable",
    )
    common.add_argument(
        "--processes", type=int, default=1, metavar="N", help="spaCy worker processes (default 1)"
    )

    e = sub.add_parser(
        "extract",
        parents=[common],
        help="extract actor-stance statements from articles",
        description="Read articles (.txt/.md/.html files, .csv/.json/.jsonl tables, or folders of "
        "them, recursively) and print one statement per line: source, target, stance, sign, "
        "relation, the quote with its offsets, the article and a confidence. Bad files are reported "
        "on stderr and the rest goes through; the exit code is 1 when any input failed.",
    )
    e.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    e.add_argument(
        "--format",
        choices=["jsonl", "csv"],
        help="output format (default: jsonl, or csv when -o ends in .csv)",
    )
    e.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    e.set_defaults(func=cmd_extract)
    _add_export_parser(sub, common)
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
