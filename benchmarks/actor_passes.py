"""What each actor-resolver pass earns on the visible evaluation sets: every set is parsed once, then
actors and stances are run with all passes and with each pass left out, and scored with the
evaluation folder's own ``score.py`` / ``score_dse.py``.

    python benchmarks/actor_passes.py --eval ../shared/eval                 # every pass
    python benchmarks/actor_passes.py --eval ../shared/eval --pass names.short --pass refs.count

Prints one row per configuration: dev precision/recall, seesaw_valid F1, seesaw_train F1, DSE
macro-F1, names per gold actor (dev, seesaw_valid), and how many of the visible documents get other
actors (spans, actors, affiliations or roles) than with every pass. Measurement only: nothing of the
evaluation sets is written into the project (the statements go to a temporary folder).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.actors import PASS_IDS, ActorRecognizer  # noqa: E402
from actorgraph.articles import read_articles  # noqa: E402
from actorgraph.readwrite.statements import write_jsonl  # noqa: E402
from actorgraph.statements import build_pipeline, parsed_text, statements_from_doc  # noqa: E402

SETS = {"dev": "dev/articles", "ssv": "seesaw_valid/articles", "sst": "seesaw_train/articles",
        "dse": "dse_valid/sentences.jsonl"}


def _parse(eval_dir: Path, nlp):
    """Per set: (doc, article) pairs parsed without the actor and stance components."""
    out = {}
    with nlp.select_pipes(disable=["actorgraph_actors", "actorgraph_stances"]):
        for key, rel in SETS.items():
            arts = read_articles([str(eval_dir / rel)]).articles
            out[key] = list(nlp.pipe(((parsed_text(a), a) for a in arts), as_tuples=True, batch_size=16))
    return out


def _score(eval_dir: Path, key: str, path: Path) -> dict[str, float]:
    if key == "dse":
        text = subprocess.run([sys.executable, str(eval_dir / "score_dse.py"), str(eval_dir / "dse_valid"), str(path)],
                              capture_output=True, text=True).stdout
        return {"dse": float(re.search(r"macro-F1 ([\d.]+)", text).group(1))}
    gold = eval_dir / SETS[key].split("/")[0] / "gold.json"
    text = subprocess.run([sys.executable, str(eval_dir / "score.py"), str(gold), str(path)],
                          capture_output=True, text=True).stdout
    p, r, f = (float(x) for x in re.search(r"precision ([\d.]+).*recall ([\d.]+).*F1 ([\d.]+)", text).groups())
    names = float(re.search(r"names per gold actor ([\d.]+)", text).group(1))
    return {f"{key}_p": p, f"{key}_r": r, f"{key}_f1": f, f"{key}_names": names}


def _actors_of(doc) -> tuple:
    """What the resolver made of a document: each mention's span and actors, with affiliation and role."""
    return tuple(sorted((m.start, m.end, tuple((a.name, a.affiliation, a.role) for a in m.actors))
                        for m in doc._.actors.mentions))


def run(eval_dir: Path, parsed, nlp, skip: tuple[str, ...], tmp: Path) -> tuple[dict[str, float], list[tuple]]:
    """Scores with ``skip`` left out, and every document's actors (to count the documents a pass changes)."""
    rec = ActorRecognizer(nlp, gazetteer=nlp.get_pipe("actorgraph_actors").gazetteer, skip_passes=skip)
    stances = nlp.get_pipe("actorgraph_stances")
    scores: dict[str, float] = {}
    actors: list[tuple] = []
    for key, pairs in parsed.items():
        path = tmp / f"{key}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc, art in pairs:
                doc = rec(doc)
                actors.append(_actors_of(doc))
                write_jsonl(statements_from_doc(stances(doc), art), fh)
        scores.update(_score(eval_dir, key, path))
    return scores, actors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"), help="the evaluation folder")
    ap.add_argument("--pass", dest="passes", action="append", help="measure only these passes (repeatable)")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval)
    nlp = build_pipeline()
    t0 = time.time()
    parsed = _parse(eval_dir, nlp)
    print(f"parsed in {time.time() - t0:.0f} s", file=sys.stderr)
    cols = ["dev_p", "dev_r", "ssv_f1", "sst_f1", "dse", "dev_names", "ssv_names"]
    print("| left out | " + " | ".join(cols) + " | documents changed |")
    print("|---|" + "---|" * (len(cols) + 1))
    with tempfile.TemporaryDirectory() as tmp:
        base: list[tuple] = []
        for skip in [(), *((p,) for p in (args.passes or PASS_IDS))]:
            s, actors = run(eval_dir, parsed, nlp, skip, Path(tmp))
            base = base or actors
            changed = sum(a != b for a, b in zip(actors, base))
            print(f"| {skip[0] if skip else '(none)'} | " + " | ".join(f"{s[c]:.3f}" if c != "dse" else f"{s[c]:.1f}"
                                                                    for c in cols) + f" | {changed} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
