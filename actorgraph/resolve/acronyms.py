"""Acronyms an article defines (pass ``names.acronym``): "the Palestinian Authority (PA) ... Hamas
denounced the PA" and "Pacific Gas and Electric (PG&E) ... PG&E" are one actor, whatever NER or the
gazetteer make of the short form alone."""
from __future__ import annotations

from .index import Mention
from .state import ResolverState


def acronyms(st: ResolverState) -> None:
    """Every use of a short form the article defines in brackets after a name is that name's actor."""
    doc = st.doc
    defined: dict[str, Mention] = {}
    for m in sorted((m for m in st.cands if m is not None and len(m.actors) == 1), key=lambda m: m.start):
        if m.actors[0].type == "person" or m.end + 2 >= st.n or doc[m.end].text != "(" \
                or doc[m.end + 2].text != ")":
            continue
        short = doc[m.end + 1].text
        if short not in defined and _abbreviates(short, m.text):
            defined[short] = m
    if not defined:
        return
    for i, text in enumerate(st.texts):
        m = defined.get(text)
        if m is None:
            continue
        t = st.toks[i]
        actor = m.actors[0]
        k = st.owner[t.i]
        old = st.cands[k] if k >= 0 else None
        if old is not None and (old.end - old.start != 1 or old.actors == m.actors
                                or any(a.name in st.gaz.entries and a.name != actor.name for a in old.actors)):
            continue  # (a longer name that holds it, or another actor the gazetteer knows)
        if old is not None:
            st.drop(k)
        st.add(t.i, t.i + 1, (actor,), "alias", head=t.i)
    for short, m in defined.items():
        m.actors[0].add_alias(short)


def _abbreviates(short: str, name: str) -> bool:
    """ "PA" for "Palestinian Authority", "PG&E" for "Pacific Gas and Electric", "LeT" for "Lashkar-e-Taiba":
    the short form's capitals are the name's capitals, in order, the first one first."""
    caps = [c for c in short if c.isupper()]
    full = [c for c in name if c.isupper()]
    if len(caps) < 2 or len(short) > 8 or not full or caps[0] != full[0]:
        return False
    it = iter(full)
    return all(c in it for c in caps)
