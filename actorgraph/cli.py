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
    gaz = load_gazetteer(gazetteers)
    statements = list(
        extract_statements(loaded.articles, gazetteer=gaz, n_process=processes, progress_bar=True)
    )
    return statements, loaded.errors


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


def cmd_export(args: argparse.Namespace) -> int:  # filled in by the graph stage
    raise NotImplementedError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="actorgraph",
        description="Find who supports and who opposes whom in news articles, "
        "with the sentence that backs every stance.",
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
