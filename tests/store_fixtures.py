"""Small invented corpora for the store and curation tests (no spaCy needed)."""
from __future__ import annotations

from actorgraph.records import Article, Statement, text_id
from actorgraph.store import Store

#: (source, source type, relation, sign, target, target type, sentence)
SENTENCES = [
    ("Norland", "country", "supports", 1, "Eastmark", "country", "Norland backed Eastmark at the summit."),
    ("Eastmark", "country", "condemns", -1, "Southria", "country", "Eastmark condemned Southria on Monday."),
    ("Ada Varga", "person", "praises", 1, "Norland", "country", "Ada Varga praised Norland for its help."),
    ("Adka Varga", "person", "criticises", -1, "Southria", "country", "Adka Varga criticised Southria again."),
    ("Southria", "country", "attacks", -1, "Eastmark", "country", "Southria attacked Eastmark overnight."),
]


def article(i: int, sentences=SENTENCES, title: str | None = None) -> Article:
    text = " ".join(s[-1] for s in sentences) + f" Report number {i}."
    return Article(id=text_id(text), title=title or f"Report {i}", text=text, date=f"2024-01-{1 + i % 28:02d}",
                   path=f"report{i}.txt")  # fmt: skip


def statements_of(art: Article, sentences=SENTENCES, relation_of=None) -> list[Statement]:
    out = []
    for k, (src, st, rel, sign, tgt, tt, sent) in enumerate(sentences):
        start = art.text.index(sent)
        rel = relation_of(rel) if relation_of else rel
        out.append(Statement(
            source=src, target=tgt, source_type=st, target_type=tt, stance="supports" if sign > 0 else "opposes",
            sign=sign, relation=rel, quote=sent, article_id=art.id, title=art.title, date=art.date, path=art.path,
            url=None, sentence_index=k, start=start, end=start + len(sent), confidence=0.9, cue=sent.split()[1],
            source_mention=src, target_mention=tgt, rule="test",
        ))  # fmt: skip
    return out


def filled_store(path, n: int = 2, extractor: str = "test+1") -> Store:
    store = Store(path)
    arts = [article(i) for i in range(n)]
    store.add_extracted([(a, statements_of(a)) for a in arts], extractor)
    return store
