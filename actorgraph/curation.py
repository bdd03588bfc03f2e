"""Corrections an analyst makes to the extracted graph, kept as a log and replayed on read.

The same functions serve the app and ``actorgraph curate``. Every edit appends one entry
to the store's corrections log; nothing is changed in place and nothing is deleted, so
re-extracting with a newer extractor keeps every correction (they are applied again
when reading) and undo is itself an entry ("undo" cancels the latest active edit,
"redo" brings back the latest undone one; a new edit ends the redo chain).

Operations (``op``: arguments):

* actors, by name: ``rename`` (actor, new), ``merge`` (actor, into; the merged name stays
  an alias), ``unmerge`` (actor), ``retype`` (actor, type), ``set_actor`` (actor,
  affiliation, role);
* statements, by id with a fallback reference (article, quote offsets, extracted
  actors) for when a new extractor gives them new ids: ``reject``, ``restore``, ``flip``,
  ``relation`` (relation), ``set_source`` / ``set_target`` (actor, type);
* ``add``: a manual statement on a sentence of an article (quote and offsets kept);
* ``undo``, ``redo``.

Statement edits are replayed first, then actor edits in log order, so a merge also
covers statements whose source was changed by hand.
"""
from __future__ import annotations

import difflib
import sqlite3
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .records import ACTOR_TYPES, STATEMENT_COLUMNS, Statement
from .store import Correction, Store

ACTOR_OPS = ("rename", "merge", "unmerge", "retype", "set_actor")
STATEMENT_OPS = ("reject", "restore", "flip", "relation", "set_source", "set_target")
#: Columns the curated frame adds to ``STATEMENT_COLUMNS``.
EXTRA_COLUMNS = ("corrected", "manual", "rejected", "source_was", "target_was")
MANUAL_RULE = "manual"


class CurationError(ValueError):
    """A correction that cannot be made (unknown actor or statement, bad value); one line."""


def _relations() -> dict[str, int]:
    from .lexicon import relations

    return relations()


def relation_names() -> list[str]:
    """The relations a statement can be given (the lexicon's vocabulary)."""
    return sorted(_relations())


# --------------------------------------------------------------------------- the log


def _replay(log: list[Correction]) -> tuple[list[Correction], list[Correction]]:
    """(edits in force, the redo stack) after replaying undo and redo."""
    edits: list[Correction] = []
    undone: list[Correction] = []
    for c in log:
        if c.op == "undo":
            if edits:
                undone.append(edits.pop())
        elif c.op == "redo":
            if undone:
                edits.append(undone.pop())
        else:
            edits.append(c)
            undone.clear()
    return edits, undone


def active(log: list[Correction]) -> list[Correction]:
    """The edits in force, in log order."""
    return _replay(log)[0]


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    op: str
    text: str
    at: str
    note: str | None
    state: str  # "active", "undone", or "" for undo/redo entries


def describe(c: Correction) -> str:
    """One line a person reads in the history list."""
    a = c.args
    what = {
        "rename": lambda: f"rename {a['actor']!r} to {a['new']!r}",
        "merge": lambda: f"merge {a['actor']!r} into {a['into']!r}",
        "unmerge": lambda: f"unmerge {a['actor']!r}",
        "retype": lambda: f"retype {a['actor']!r} as {a['type']}",
        "set_actor": lambda: f"set {a['actor']!r}: affiliation {a.get('affiliation')!r}, role {a.get('role')!r}",
        "relation": lambda: f"relation of {a['id']} -> {a['relation']}",
        "set_source": lambda: f"source of {a['id']} -> {a['actor']!r}",
        "set_target": lambda: f"target of {a['id']} -> {a['actor']!r}",
        "add": lambda: f"add {a['statement']['source']!r} {a['statement']['relation']} {a['statement']['target']!r}",
        "undo": lambda: f"undo #{a.get('target')}",
        "redo": lambda: f"redo #{a.get('target')}",
    }
    if c.op in what:
        return what[c.op]()
    if c.op in STATEMENT_OPS:
        return f"{c.op} {a['id']}"
    return c.op


def history(store: Store) -> list[HistoryRow]:
    """Every log entry, newest first, with whether it is in force."""
    log = store.corrections()
    live = {c.seq for c in active(log)}
    rows = [HistoryRow(c.seq, c.op, describe(c), c.at, c.note,
                       "" if c.op in ("undo", "redo") else ("active" if c.seq in live else "undone"))
            for c in log]  # fmt: skip
    return rows[::-1]


# --------------------------------------------------------------------------- replay


def apply(df: pd.DataFrame, log: list[Correction], *, include_rejected: bool = False) -> pd.DataFrame:
    """The statements with the corrections in force applied, plus ``EXTRA_COLUMNS``.

    ``id`` stays the stored statement's id (what corrections refer to); ``corrected``
    and ``manual`` say where a statement came from; ``source_was``/``target_was`` are
    the names before actor edits (kept as aliases of the merged or renamed actor).
    """
    edits = active(log)
    out = df[STATEMENT_COLUMNS].copy()
    manual = [c.args["statement"] for c in edits if c.op == "add"]
    out["manual"] = False
    if manual:
        added = pd.DataFrame([{k: m.get(k) for k in STATEMENT_COLUMNS} for m in manual], columns=STATEMENT_COLUMNS)
        added["manual"] = True
        out = pd.concat([out, added.astype(out.dtypes.to_dict())], ignore_index=True)
    out["corrected"] = False
    out["rejected"] = False
    _apply_statement_ops(out, [c for c in edits if c.op in STATEMENT_OPS])
    out["source_was"] = out["source"]
    out["target_was"] = out["target"]
    _apply_actor_ops(out, [c for c in edits if c.op in ACTOR_OPS])
    if not include_rejected:
        out = out[~out["rejected"]].reset_index(drop=True)
    return out


def _locator(df: pd.DataFrame):
    """Row of a statement reference: by id, else by article + offsets + extracted actors."""
    by_id = {k: i for i, k in enumerate(df["id"].tolist())}
    by_ref: dict[tuple, int] | None = None

    def find(args: dict[str, Any]) -> int | None:
        nonlocal by_ref
        if args["id"] in by_id:
            return by_id[args["id"]]
        ref = args.get("ref")
        if not ref:
            return None
        if by_ref is None:
            cols = [df[c].tolist() for c in ("article_id", "start", "end", "source", "target")]
            by_ref = {}
            for i, key in enumerate(zip(*cols)):
                by_ref.setdefault(key, i)
        return by_ref.get((ref["article_id"], ref["start"], ref["end"], ref["source"], ref["target"]))

    return find


def _apply_statement_ops(df: pd.DataFrame, ops: list[Correction]) -> None:
    if not ops:
        return
    find = _locator(df)
    signs = _relations()
    changed: dict[int, dict[str, Any]] = {}
    for c in ops:
        i = find(c.args)
        if i is None:  # the statement is gone (the article's text changed): nothing to correct
            continue
        row = changed.setdefault(i, {"rejected": bool(df.at[i, "rejected"]), "sign": int(df.at[i, "sign"]),
                                     "relation": df.at[i, "relation"]})  # fmt: skip
        if c.op in ("reject", "restore"):
            row["rejected"] = c.op == "reject"
        elif c.op == "flip":
            row["sign"] = -row["sign"]
            original = df.at[i, "relation"]
            row["relation"] = original if signs.get(original, 0) == row["sign"] else _stance(row["sign"])
        elif c.op == "relation":
            row["relation"], row["sign"] = c.args["relation"], signs[c.args["relation"]]
        else:
            side = "source" if c.op == "set_source" else "target"
            row[side], row[f"{side}_type"] = c.args["actor"], c.args.get("type") or ""
            row[f"{side}_affiliation"] = row[f"{side}_role"] = None
    for i, row in changed.items():
        edited = {k: v for k, v in row.items() if k != "rejected" and df.at[i, k] != v}
        row["stance"] = _stance(row["sign"])
        for k, v in row.items():
            df.at[i, k] = v
        if edited:
            df.at[i, "corrected"] = True


def _differs(col: pd.Series, value: Any) -> pd.Series:
    """``col != value`` with None equal to None (pandas says None != None)."""
    return col.notna() if value is None else col.isna() | (col != value)


def _stance(sign: int) -> str:
    return "supports" if sign > 0 else "opposes"


def _apply_actor_ops(df: pd.DataFrame, ops: list[Correction]) -> None:
    """Replay actor edits on the distinct names, then map every statement end at once."""
    if not ops:
        return
    names = pd.unique(np.concatenate([df["source"].to_numpy(), df["target"].to_numpy()]))
    current = {n: n for n in names}  # name as written -> name now
    merged_as: dict[str, list[str]] = {n: [] for n in names}
    facts: dict[str, dict[str, Any]] = {}  # current name -> overridden type/affiliation/role
    for c in ops:
        a = c.args
        if c.op in ("rename", "merge"):
            new = a["new"] if c.op == "rename" else a["into"]
            for n, now in current.items():
                if now == a["actor"]:
                    current[n] = new
                    if c.op == "merge":
                        merged_as[n].append(a["actor"])
            if c.op == "rename" and a["actor"] in facts:
                facts[new] = {**facts.pop(a["actor"]), **facts.get(new, {})}
        elif c.op == "unmerge":
            for n, was in merged_as.items():
                if a["actor"] in was:
                    current[n] = a["actor"]
                    merged_as[n] = was[: was.index(a["actor"])]
        elif c.op == "retype":
            facts.setdefault(a["actor"], {})["type"] = a["type"]
        else:  # set_actor
            keep = {k: a.get(k) or None for k in ("affiliation", "role") if k in a}
            facts.setdefault(a["actor"], {}).update(keep)
    for side in ("source", "target"):
        before = df[side]
        after = before.map(current)
        touched = after != before
        df[side] = after
        for name, over in facts.items():
            hit = after == name
            if not hit.any():
                continue
            for key, value in over.items():
                col = f"{side}_{key}"
                touched |= hit & _differs(df[col], value)
                df.loc[hit, col] = value
        df["corrected"] = df["corrected"] | touched


# --------------------------------------------------------------------------- reading a store


def joined_frame(store: Store, join: bool = True) -> pd.DataFrame:
    """The store's statements as extracted, names joined across the corpus (the corpus pass
    runs before the corrections, so an analyst's merge or rename acts on the names shown).

    The joined frame is saved in the store for its statements, so only the first open
    after new statements pays for the pass.
    """
    if not join:
        return store.statements_frame()
    from .version import extractor_version

    key = f"{store.statements_key()}|{extractor_version()}"
    saved = store.cached_frame("joined", key)
    if saved is not None:
        return saved
    df = store.statements_frame()
    if len(df):
        from .graph import frame_statements, statements_frame
        from .identity import join_names

        df = statements_frame(join_names(frame_statements(df)))
    try:
        store.save_frame("joined", key, df)
    except (sqlite3.Error, OSError):  # a read-only store: the pass runs again next time
        pass
    return df


def curated_frame(store: Store, *, include_rejected: bool = False, join: bool = True) -> pd.DataFrame:
    """The store's statements, names joined across the corpus, with every correction in force applied."""
    return apply(joined_frame(store, join), store.corrections(), include_rejected=include_rejected)


def actor_names(df: pd.DataFrame) -> list[str]:
    return sorted(set(df["source"]) | set(df["target"]))


def merged_names(df: pd.DataFrame, actor: str) -> list[str]:
    """Names merged or renamed into ``actor`` (what ``unmerge`` can bring back)."""
    rows = df[(df["source"] == actor) | (df["target"] == actor)]
    was = set(rows.loc[rows["source"] == actor, "source_was"]) | set(rows.loc[rows["target"] == actor, "target_was"])
    return sorted(was - {actor})


# --------------------------------------------------------------------------- edits


def _check_actor(store: Store, actor: str, names: list[str] | None) -> None:
    if not isinstance(actor, str) or not actor.strip():
        raise CurationError("choose an actor first")
    names = names if names is not None else actor_names(curated_frame(store))
    if actor not in names:
        close = difflib.get_close_matches(actor, names, n=3, cutoff=0.5)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise CurationError(f"no actor named {actor!r}{hint}")


def _name(value: str, what: str) -> str:
    value = " ".join(str(value or "").split())
    if not value:
        raise CurationError(f"{what} must not be empty")
    return value


def rename(store: Store, actor: str, new: str, note: str | None = None, *, names: list[str] | None = None) -> Correction:
    _check_actor(store, actor, names)
    return store.append("rename", {"actor": actor, "new": _name(new, "the new name")}, note)


def merge(store: Store, actor: str, into: str, note: str | None = None, *, names: list[str] | None = None) -> Correction:
    """Merge ``actor`` into ``into``: its statements become ``into``'s, its name an alias."""
    names = names if names is not None else actor_names(curated_frame(store))
    _check_actor(store, actor, names)
    _check_actor(store, into, names)
    if actor == into:
        raise CurationError(f"cannot merge {actor!r} into itself")
    return store.append("merge", {"actor": actor, "into": into}, note)


def unmerge(store: Store, actor: str, note: str | None = None) -> Correction:
    """Give ``actor`` (a name merged into another) its own node again."""
    merged = {c.args["actor"] for c in active(store.corrections()) if c.op == "merge"}
    if actor not in merged:
        raise CurationError(f"{actor!r} was never merged into another actor")
    return store.append("unmerge", {"actor": actor}, note)


def retype(store: Store, actor: str, actor_type: str, note: str | None = None, *, names: list[str] | None = None) -> Correction:
    if actor_type not in ACTOR_TYPES:
        raise CurationError(f"unknown actor type {actor_type!r}; expected one of {', '.join(ACTOR_TYPES)}")
    _check_actor(store, actor, names)
    return store.append("retype", {"actor": actor, "type": actor_type}, note)


def set_actor(store: Store, actor: str, *, affiliation: str | None = None, role: str | None = None,
              note: str | None = None, names: list[str] | None = None) -> Correction:  # fmt: skip
    _check_actor(store, actor, names)
    args = {"actor": actor, "affiliation": affiliation or None, "role": role or None}
    return store.append("set_actor", args, note)


def _statement_ref(store: Store, statement_id: str) -> dict[str, Any]:
    """id plus the fallback reference (article, offsets, actors as extracted)."""
    row = store.statement(statement_id)
    if row is None:
        added = [c.args["statement"] for c in store.corrections() if c.op == "add"]
        row = next((s for s in added if s["id"] == statement_id), None)
    if row is None:
        raise CurationError(f"no statement with id {statement_id!r}")
    ref = {k: row[k] for k in ("article_id", "start", "end", "source", "target")}
    return {"id": statement_id, "ref": ref}


def reject(store: Store, statement_id: str, note: str | None = None) -> Correction:
    return store.append("reject", _statement_ref(store, statement_id), note)


def restore(store: Store, statement_id: str, note: str | None = None) -> Correction:
    return store.append("restore", _statement_ref(store, statement_id), note)


def flip(store: Store, statement_id: str, note: str | None = None) -> Correction:
    """Turn supports into opposes or back (a relation of the wrong sign becomes the plain stance)."""
    return store.append("flip", _statement_ref(store, statement_id), note)


def set_relation(store: Store, statement_id: str, relation: str, note: str | None = None) -> Correction:
    if relation not in _relations():
        raise CurationError(f"unknown relation {relation!r}; expected one of {', '.join(sorted(_relations()))}")
    return store.append("relation", {**_statement_ref(store, statement_id), "relation": relation}, note)


def set_end(store: Store, statement_id: str, side: str, actor: str, actor_type: str | None = None,
            note: str | None = None) -> Correction:  # fmt: skip
    """Change the source or the target (``side``) of a statement."""
    if side not in ("source", "target"):
        raise CurationError(f"side must be source or target, not {side!r}")
    if actor_type and actor_type not in ACTOR_TYPES:
        raise CurationError(f"unknown actor type {actor_type!r}; expected one of {', '.join(ACTOR_TYPES)}")
    args = {**_statement_ref(store, statement_id), "actor": _name(actor, side), "type": actor_type or ""}
    return store.append(f"set_{side}", args, note)


def add_statement(
    store: Store, article_id: str, start: int, end: int, source: str, target: str, relation: str, *,
    source_type: str = "", target_type: str = "", cue: str = "", sentence_index: int | None = None,
    note: str | None = None,
) -> Correction:
    """A manual statement on ``article.text[start:end]`` (a sentence the reader chose).

    ``sentence_index`` defaults to a count of the sentence ends before ``start``.
    """
    art = store.article(article_id)
    if art is None:
        raise CurationError(f"no article with id {article_id!r}")
    if not (0 <= start < end <= len(art.text)):
        raise CurationError(f"offsets {start}..{end} are outside the article's text (0..{len(art.text)})")
    if relation not in _relations():
        raise CurationError(f"unknown relation {relation!r}; expected one of {', '.join(sorted(_relations()))}")
    sign = _relations()[relation]
    source, target = _name(source, "source"), _name(target, "target")
    if source == target:
        raise CurationError("source and target must differ")
    quote = art.text[start:end]
    s = Statement(
        source=source, target=target, source_type=source_type, target_type=target_type, stance=_stance(sign),
        sign=sign, relation=relation, quote=quote, article_id=art.id, title=art.title, date=art.date,
        path=art.path, url=art.url, sentence_index=_sentences_before(art.text, start) if sentence_index is None else int(sentence_index), start=start, end=end,
        confidence=1.0, cue=cue, source_mention=source, target_mention=target, rule=MANUAL_RULE,
    )  # fmt: skip
    return store.append("add", {"statement": s.to_dict()}, note)


def _sentences_before(text: str, start: int) -> int:
    import re

    return len(re.findall(r"[.!?]['\"’”)]*\s+|\n\s*\n", text[:start]))


def _step(store: Store, op: str, note: str | None) -> Correction:
    """Append an undo (of the latest edit in force) or a redo (of the latest undone)."""

    def prepare(log: list[Correction]) -> dict[str, Any]:
        edits, undone = _replay(log)
        stack = edits if op == "undo" else undone
        if not stack:
            raise CurationError(f"nothing to {op}")
        return {"target": stack[-1].seq}

    return store.append(op, {}, note, prepare=prepare)


def undo(store: Store, note: str | None = None) -> Correction:
    return _step(store, "undo", note)


def redo(store: Store, note: str | None = None) -> Correction:
    return _step(store, "redo", note)
