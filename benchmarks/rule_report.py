"""How often each stance rule fires on the visible evaluation sets, and how often it is right.

    python benchmarks/rule_report.py [--eval DIR] [--saved DIR] [--processes N] [--markdown]

Runs the extractor over the visible sets of the evaluation folder (``../shared/eval``
beside the repository, ``$ACTORGRAPH_EVAL`` or ``--eval``): dev, seesaw_valid,
seesaw_train and dse_valid, or reads statements saved by earlier
runs from ``--saved DIR`` (``dev.jsonl``, ``ssv.jsonl``, ``sst.jsonl``, ``dse.jsonl``).
Prints, per rule id: statements made (firings), distinct articles, and precision
against the gold. Correctness is the evaluation folder's own: the scorers are
imported from it at run time (nothing of it is copied here). On the article sets a
rule's statements are scored alone with ``score.py`` (distinct triples per article,
a triple right when it matches a core or soft gold triple); on DSE a statement about
the labelled pair is right when its direction and sign give the labelled class
(``score_dse.same`` matches the names), and statements about other pairs are not judged.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))



def _default_eval() -> Path:
    """``$ACTORGRAPH_EVAL``, else ``shared/eval`` beside the repository (or beside its parent folder)."""
    if os.environ.get("ACTORGRAPH_EVAL"):
        return Path(os.environ["ACTORGRAPH_EVAL"])
    near = [up / "shared" / "eval" for up in (ROOT.parent, ROOT.parent.parent)]
    return next((p for p in near if p.is_dir()), near[0])


EVAL = _default_eval()
#: short name -> (input under the eval folder, gold, saved file name)
SETS = {"dev": ("dev/articles", "dev/gold.json", "dev.jsonl"),
        "seesaw_valid": ("seesaw_valid/articles", "seesaw_valid/gold.json", "ssv.jsonl"),
        "seesaw_train": ("seesaw_train/articles", "seesaw_train/gold.json", "sst.jsonl"),
        "dse_valid": ("dse_valid/sentences.jsonl", None, "dse.jsonl")}


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def extract(path: Path, processes: int) -> list[dict]:
    from actorgraph.articles import read_articles
    from actorgraph.statements import extract_statements

    loaded = read_articles([str(path)])
    return [s.to_dict() for s in extract_statements(loaded.articles, n_process=processes)]


def scored_articles(score, gold: Path, path: Path | str) -> dict:
    """score.py's per-article verdicts (``--json``) on one saved output file."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score.main([str(gold), str(path), "--json"])
    return json.loads(out.getvalue())["articles"]


def score_articles(score, gold: Path, rows: list[dict]) -> tuple[int, int]:
    """(right, judged) distinct triples of ``rows`` by the evaluation's score.py."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write("".join(json.dumps(r) + "\n" for r in rows))
    try:
        arts = scored_articles(score, gold, f.name).values()
    finally:
        os.unlink(f.name)
    return sum(a["correct"] for a in arts), sum(a["predicted"] for a in arts)


def score_dse(dse, folder: Path, rows: list[dict]) -> tuple[int, int]:
    """(right, judged) statements about DSE's labelled pairs."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    right = judged = 0
    for r in rows:
        if r.get("url") not in labels:
            continue
        p, q, gold = labels[r["url"]]
        pos = r["sign"] > 0
        if dse.same(p, r, "source") and dse.same(q, r, "target"):
            cls = 1 if pos else 3
        elif dse.same(q, r, "source") and dse.same(p, r, "target"):
            cls = 2 if pos else 4
        else:
            continue
        judged += 1
        right += cls == gold
    return right, judged


def report(ev: Path, statements: dict[str, list[dict]], by_cue: bool = False) -> list[dict]:
    score = _module(ev / "score.py", "eval_score")
    dse = _module(ev / "score_dse.py", "eval_score_dse")
    from actorgraph.rules import rule_ids

    table: dict[str, dict] = {} if by_cue else {r: {"rule": r, "firings": 0, "articles": set()} for r in rule_ids()}
    for name, rows in statements.items():
        by_rule = defaultdict(list)
        for r in rows:
            key = r.get("rule") or "?"
            by_rule[f"{key} {r.get('cue', '').lower()}" if by_cue else key].append(r)
        gold = SETS[name][1]
        for rid, rs in by_rule.items():
            row = table.setdefault(rid, {"rule": rid, "firings": 0, "articles": set()})
            row["firings"] += len(rs)
            row["articles"] |= {(name, r["article_id"]) for r in rs}
            row[name] = score_articles(score, ev / gold, rs) if gold else score_dse(dse, ev / "dse_valid", rs)
    out = []
    for row in sorted(table.values(), key=lambda r: (-r["firings"], r["rule"])):
        row["articles"] = len(row["articles"])
        right = sum(row.get(n, (0, 0))[0] for n in SETS)
        judged = sum(row.get(n, (0, 0))[1] for n in SETS)
        row["precision"] = right / judged if judged else None
        row["judged"] = judged
        out.append(row)
    return out


def _cell(x) -> str:
    return f"{x[0] / x[1]:.2f} ({x[0]}/{x[1]})" if x and x[1] else "-"


def flag(row: dict) -> str:
    """Why a rule is up for pruning (issue 8's rule), or ""."""
    if row["precision"] is not None and row["firings"] >= 5 and row["precision"] < 0.5:
        return "precision < 0.5"
    if row["firings"] and row["articles"] <= 1:
        return "one article"
    if not row["firings"]:
        return "never fires"
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=EVAL, help="the evaluation folder (default ../shared/eval)")
    ap.add_argument("--saved", type=Path, help="read dev.jsonl, ssv.jsonl, sst.jsonl, dse.jsonl from here")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table (for the README)")
    ap.add_argument("--by-cue", action="store_true", help="one row per rule and cue word (to prune cues)")
    args = ap.parse_args(argv)
    if not (args.eval / "score.py").is_file():
        print(f"rule_report: no score.py in {args.eval} (give --eval DIR)", file=sys.stderr)
        return 2
    statements = {}
    for name, (inp, _, saved) in SETS.items():
        if args.saved:
            path = args.saved / saved
            statements[name] = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        else:
            print(f"extracting {name} ...", file=sys.stderr)
            statements[name] = extract(args.eval / inp, args.processes)
    rows = report(args.eval, statements, args.by_cue)
    cols = ["rule", "firings", "articles", "dev", "seesaw_valid", "seesaw_train", "dse_valid", "precision", "flag"]
    lines = []
    for r in rows:
        p = "-" if r["precision"] is None else f"{r['precision']:.2f}"
        lines.append([r["rule"], str(r["firings"]), str(r["articles"]), *(_cell(r.get(n)) for n in SETS), p, flag(r)])
    if args.markdown:
        print("| " + " | ".join(cols) + " |")
        print("|" + "---|" * len(cols))
        for ln in lines:
            print("| " + " | ".join(f"`{c}`" if i == 0 else c for i, c in enumerate(ln)) + " |")
    else:
        w = [max(len(c), *(len(ln[i]) for ln in lines)) for i, c in enumerate(cols)]
        print("  ".join(c.ljust(w[i]) for i, c in enumerate(cols)))
        for ln in lines:
            print("  ".join(c.ljust(w[i]) for i, c in enumerate(ln)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
