"""Time the corpus pass that joins actor names (``identity.join_names``) on synthetic statements.

    python benchmarks/bench_identity.py [--statements 100000] [--people 3000] [--repeat 3]

The corpus is synthetic but shaped like news: people drawn Zipf-like from
invented first names and surnames (some surnames shared), written as the full
name, a nickname form or the bare surname, with a role now and then, plus a
few hundred bodies in two spellings; about 25 statements per article. The pass
is timed side by side with building the statements frame from the same
statements (``graph.statements_frame``), which every export and the app do
anyway, so the ratio holds on a busy machine. Figures are CPU seconds, medians
of ``--repeat`` runs; the README quotes them.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actorgraph.graph import statements_frame  # noqa: E402
from actorgraph.identity import join_names  # noqa: E402
from actorgraph.records import Statement  # noqa: E402

FIRST = [("Margaret", "Peggy"), ("William", "Bill"), ("Robert", "Bob"), ("Charles", "Chuck"), ("Joseph", "Joe"),
         ("Elizabeth", "Liz"), ("Michael", "Mike"), ("Katherine", "Kate"), ("Daniel", "Dan"), ("Ada", "Ada"),
         ("Tobias", "Toby"), ("Lena", "Lena"), ("Oskar", "Oskar"), ("Priya", "Priya")]  # fmt: skip
SYLLABLES = ["ka", "lo", "ven", "dra", "mir", "tes", "bo", "ran", "shi", "pel", "ux", "or"]


def people(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(formal first, nickname) and an invented surname; about one surname in ten is shared."""
    surnames = ["".join(rng.choices(SYLLABLES, k=3)).capitalize() for _ in range(max(1, n * 9 // 10))]
    return [(*rng.choice(FIRST), rng.choice(surnames)) for _ in range(n)]


def synthetic(n: int, n_people: int, seed: int = 1) -> list[Statement]:
    rng = random.Random(seed)
    folk = people(n_people, rng)
    bodies = [f"Union {i:03d}" for i in range(300)]
    weights = [1 / (i + 1) ** 1.1 for i in range(n_people)]
    out = []
    for i in range(n):
        first, nick, surname = rng.choices(folk, weights)[0]
        form = rng.random()
        name = f"{first} {surname}" if form < 0.5 else f"{nick} {surname}" if form < 0.7 else surname
        body = rng.choice(bodies)
        body = body if rng.random() < 0.8 else f"the {body.replace(' ', '-')}"
        art = f"art{i // 25:06d}"
        out.append(
            Statement(
                source=name, target=body, source_type="person", target_type="group", stance="opposes", sign=-1,
                relation="criticism", quote=f"{name} criticised {body}.", article_id=art, title=art, date=None,
                path=f"corpus/{art}.txt", url=None, sentence_index=i % 25, start=i, end=i + 40, confidence=0.7,
                source_mention=name, target_mention=body, source_role=rng.choice([None, None, "senator", "mayor"]),
                source_affiliation=rng.choice([None, body]),
            )  # fmt: skip
        )
    return out


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()  # CPU seconds of this process: steadier than wall time on a shared machine
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--people", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    data = synthetic(args.statements, args.people)
    joined = join_names(data)
    names = len({s.source for s in data} | {s.target for s in data})
    after = len({s.source for s in joined} | {s.target for s in joined})
    t_join = timed(lambda: join_names(data), args.repeat)
    t_frame = timed(lambda: statements_frame(data), args.repeat)
    print(f"{len(data)} statements, {names} names -> {after} after the join")
    print(f"join_names       {t_join:7.2f} s")
    print(f"statements_frame {t_frame:7.2f} s   (join / frame: {t_join / t_frame:.2f})")


if __name__ == "__main__":
    main()
