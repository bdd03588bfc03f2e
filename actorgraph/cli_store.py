"""``actorgraph ingest`` and ``actorgraph curate``, and the store as a source of ``extract``/``export``.

Kept apart from ``cli.py`` so the store's commands read whole; they call the same
``ingest`` and ``curation`` functions as the app.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .records import STATEMENT_COLUMNS

#: Fields ``extract --db`` adds to each statement.
FLAG_COLUMNS = ["corrected", "manual"]


def _err(msg: Any) -> None:
    print(f"actorgraph: {msg}", file=sys.stderr)


def open_db(path: str | None):
    from .store import open_store

    return open_store(path)


def store_frame(path: str | None):
    """The corrected statements of a store (frame with ``corrected``/``manual`` columns)."""
    from .curation import curated_frame

    return curated_frame(open_db(path))


def write_frame(df, out, fmt: str, exact: bool = False) -> int:
    """Statements of a curated frame as JSON lines or CSV (defused for spreadsheets unless
    ``exact``), with the curation flags."""
    import csv

    from .readwrite.spreadsheet import defuse

    cols = [*STATEMENT_COLUMNS, *FLAG_COLUMNS]
    records = df[cols].to_dict("records")
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(cols)
        w.writerows([("" if r[c] is None else r[c] if exact else defuse(r[c])) for c in cols] for r in records)
    else:
        for r in records:
            r.update({c: bool(r[c]) for c in FLAG_COLUMNS})
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(records)


# --------------------------------------------------------------------------- ingest


def cmd_ingest(args: argparse.Namespace) -> int:
    from .gazetteer import load_gazetteer
    from .ingest import ingest, reextract
    from .store import StoreError

    try:
        store = open_db(args.db)
    except StoreError as exc:
        _err(exc)
        return 2
    problems: list[str] = []
    gaz = load_gazetteer(args.gazetteer, errors=problems)
    for p in problems:
        _err(p)
    if not args.paths and not args.from_dirs:
        _err("nothing to ingest: give article PATHs or --from DIR")
        return 2
    report = ingest(store, args.paths, fmt=args.input_format, gazetteer=gaz, batch_size=args.batch_size,
                    processes=args.processes)  # fmt: skip
    for folder in args.from_dirs:
        _ingest_folder(store, folder, args.batch_size, report)
    if args.reextract:
        again = reextract(store, gazetteer=gaz, batch_size=args.batch_size, processes=args.processes)
        report.reextracted, report.failed, report.errors = (again.reextracted, report.failed + again.failed,
                                                             report.errors + again.errors)  # fmt: skip
    for e in report.errors:
        _err(e)
    if report.added:  # the corpus pass over the new whole, saved: the app's first open is fast
        from .curation import joined_frame

        joined_frame(store)
    counts = store.counts()
    print(f"actorgraph: {report.summary()} -> {store.path} ({counts['articles']} articles, "
          f"{counts['statements']} statements)", file=sys.stderr)  # fmt: skip
    return 1 if report.failed or problems else 0


def _ingest_folder(store, folder: str, batch_size: int, report) -> None:
    """One Parquet shard folder into the store; an unreadable one is one line and the rest goes on."""
    from .ingest import ingest_extracted

    try:
        got = ingest_extracted(store, folder, batch_size=batch_size)
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        report.failed += 1
        report.errors.append(f"{folder}: not a readable folder of Parquet shards ({str(exc).splitlines()[0][:120]})")
        return
    report.added += got.added
    report.present += got.present
    report.failed += got.failed
    report.errors += got.errors


# --------------------------------------------------------------------------- curate


def _quote_offsets(store, article_id: str, quote: str) -> tuple[int, int]:
    from .curation import CurationError

    art = store.article(article_id)
    if art is None:
        raise CurationError(f"no article with id {article_id!r}")
    at = art.text.find(quote)
    if at < 0 or not quote:
        raise CurationError(f"the quote is not in article {article_id}")
    return at, at + len(quote)


def _curate(store, a: argparse.Namespace):
    from . import curation as cur

    ops = {
        "merge": lambda: cur.merge(store, a.actor, a.into, a.note),
        "unmerge": lambda: cur.unmerge(store, a.actor, a.note),
        "rename": lambda: cur.rename(store, a.actor, a.new, a.note),
        "retype": lambda: cur.retype(store, a.actor, a.type, a.note),
        "set-actor": lambda: cur.set_actor(store, a.actor, affiliation=a.affiliation, role=a.role, note=a.note),
        "reject": lambda: cur.reject(store, a.id, a.note),
        "restore": lambda: cur.restore(store, a.id, a.note),
        "flip": lambda: cur.flip(store, a.id, a.note),
        "relation": lambda: cur.set_relation(store, a.id, a.relation, a.note),
        "set-source": lambda: cur.set_end(store, a.id, "source", a.actor, a.type, a.note),
        "set-target": lambda: cur.set_end(store, a.id, "target", a.actor, a.type, a.note),
        "undo": lambda: cur.undo(store, a.note),
        "redo": lambda: cur.redo(store, a.note),
    }
    if a.op == "add":
        start, end = a.offsets if a.offsets else _quote_offsets(store, a.article, a.quote)
        return cur.add_statement(store, a.article, start, end, a.source, a.target, a.relation,
                                 source_type=a.source_type or "", target_type=a.target_type or "",
                                 note=a.note)  # fmt: skip
    return ops[a.op]()


def cmd_curate(args: argparse.Namespace) -> int:
    from . import curation as cur
    from .store import StoreError

    try:
        store = open_db(args.db)
        if args.op == "history":
            for h in cur.history(store):
                note = f"  ({h.note})" if h.note else ""
                print(f"#{h.seq}\t{h.at}\t{h.state or '-'}\t{h.text}{note}")
            return 0
        c = _curate(store, args)
    except (StoreError, cur.CurationError) as exc:
        _err(exc)
        return 1
    print(f"actorgraph: #{c.seq} {cur.describe(c)}", file=sys.stderr)
    return 0


def _add_curate_parser(sub) -> None:
    from .records import ACTOR_TYPES

    c = sub.add_parser(
        "curate", help="correct the graph kept in a store (merge, rename, reject, flip, add, undo ...)",
        description="Append a correction to the store's log. Corrections are applied whenever the store is "
        "read (app, extract --db, export --db) and survive re-extraction; undo and redo append too.",
    )  # fmt: skip
    c.add_argument("--db", metavar="FILE", help="the store (default: $ACTORGRAPH_DB or ./actorgraph.db)")
    c.add_argument("--note", help="why (kept in the history)")
    ops = c.add_subparsers(dest="op", metavar="OPERATION", required=True)

    def op(name: str, help: str, *positionals: str) -> argparse.ArgumentParser:
        p = ops.add_parser(name, help=help)
        for pos in positionals:
            p.add_argument(pos)
        p.add_argument("--note", help="why (kept in the history)", default=argparse.SUPPRESS)
        return p

    op("merge", "merge ACTOR into INTO (ACTOR stays an alias)", "actor", "into")
    op("unmerge", "undo a merge of ACTOR, whenever it was made", "actor")
    op("rename", "rename ACTOR to NEW", "actor", "new")
    op("retype", "set ACTOR's type", "actor").add_argument("type", choices=ACTOR_TYPES)
    p = op("set-actor", "set ACTOR's affiliation and role", "actor")
    p.add_argument("--affiliation")
    p.add_argument("--role")
    for name, what in (("reject", "drop"), ("restore", "bring back"), ("flip", "flip the sign of")):
        op(name, f"{what} statement ID", "id")
    op("relation", "set the relation of statement ID", "id", "relation")
    for side in ("source", "target"):
        op(f"set-{side}", f"set the {side} of statement ID", "id", "actor").add_argument("--type", choices=ACTOR_TYPES)
    p = op("add", "add a manual statement on a sentence of an article", "article", "source", "relation", "target")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", help="the sentence, as it stands in the article text")
    where.add_argument("--offsets", nargs=2, type=int, metavar=("START", "END"), help="character offsets in the text")
    p.add_argument("--source-type", choices=ACTOR_TYPES)
    p.add_argument("--target-type", choices=ACTOR_TYPES)
    op("undo", "undo the latest correction in force")
    op("redo", "redo the latest undone correction")
    op("history", "list the corrections log, newest first")
    c.set_defaults(func=cmd_curate)


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    """Register ``ingest`` and ``curate`` on the main parser."""
    i = sub.add_parser(
        "ingest", parents=[common], help="add articles to a store (only new ones are parsed)",
        description="Add articles (any input 'extract' reads) to an SQLite store with their statements. "
        "Articles already stored (same text) are skipped; new ones are parsed in batches, each written in "
        "one transaction, so an interrupted run keeps whole batches and a rerun completes it. Bad files are "
        "reported and the rest goes in; the exit code is 1 when any failed.",
    )  # fmt: skip
    i.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    i.add_argument("--from", dest="from_dirs", action="append", default=[], metavar="DIR",
                   help="a folder of Parquet shards written by 'extract -o DIR/' (any engine): its articles "
                   "and statements go in without parsing; repeatable")
    i.add_argument("--db", metavar="FILE", help="the store (default: $ACTORGRAPH_DB or ./actorgraph.db)")
    i.add_argument("--batch-size", type=int, default=32, metavar="N", help="articles per transaction (default 32)")
    i.add_argument("--reextract", action="store_true",
                   help="also re-extract stored articles read by another extractor version")
    i.set_defaults(func=cmd_ingest)
    _add_curate_parser(sub)
