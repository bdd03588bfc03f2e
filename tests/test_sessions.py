"""The app under several users (issue 9): no session waits on another's unrelated work,
and the upload cache gives its memory back."""
from __future__ import annotations

import gc
import threading
import time
import tracemalloc

from actorgraph import view
from actorgraph.cache import BoundedCache, KeyedLocks
from actorgraph.records import Article, Statement
from test_view import article, fake_statement  # noqa: E402  (the same records as the store's own tests)


def statement(a: Article) -> Statement:
    return fake_statement(a)


def test_a_long_extraction_blocks_only_sessions_waiting_for_the_same_articles():
    store = view.StatementStore()
    known, slow, other = article(1), article(2), article(3)
    store.get_or_extract([known], lambda arts, progress=None: map(statement, arts))
    release, started = threading.Event(), threading.Event()
    calls: list[list[str]] = []

    def slow_extract(arts, progress=None):
        calls.append([a.id for a in arts])
        started.set()
        assert release.wait(10)
        return map(statement, arts)

    def fast_extract(arts, progress=None):
        calls.append([a.id for a in arts])
        return map(statement, arts)

    results: dict[str, list] = {}

    def session(name, arts, extract):
        results[name] = store.get_or_extract(arts, extract)

    busy = threading.Thread(target=session, args=("busy", [known, slow], slow_extract))
    busy.start()
    assert started.wait(10)
    # while the busy session parses, a session with nothing new and one with another new article finish
    t0 = time.perf_counter()
    session("reader", [known], fast_extract)
    session("other", [other], fast_extract)
    assert time.perf_counter() - t0 < 1.0
    assert [s.article_id for s in results["reader"]] == [known.id]
    assert [s.article_id for s in results["other"]] == [other.id]
    # a session wanting the article being parsed waits for it and does not parse it again
    same = threading.Thread(target=session, args=("same", [slow], fast_extract))
    same.start()
    same.join(0.3)
    assert same.is_alive(), "the second session must wait for the article being parsed"
    release.set()
    busy.join(10)
    same.join(10)
    assert [s.article_id for s in results["same"]] == [slow.id]
    assert calls == [[slow.id], [other.id]], "each article parsed once"


def test_keyed_locks_are_dropped_when_free():
    locks = KeyedLocks()
    with locks.hold(["b", "a", "a"]):
        assert len(locks) == 2
    assert len(locks) == 0


def test_bounded_cache_evicts_by_size_and_age():
    now = [0.0]
    cache = BoundedCache(max_bytes=100, ttl=60, clock=lambda: now[0])
    made: list[str] = []

    def make(key):
        made.append(key)
        return key.upper()

    assert cache.get_or_make("a", lambda: make("a"), 40) == "A"
    assert cache.get_or_make("a", lambda: make("a"), 40) == "A" and made == ["a"]
    cache.get_or_make("b", lambda: make("b"), 40)
    cache.get_or_make("a", lambda: make("a"), 40)  # a is now the most recent
    cache.get_or_make("c", lambda: make("c"), 40)  # over 100 bytes: b (least recent) goes
    assert cache.size == 80 and len(cache) == 2
    cache.get_or_make("b", lambda: make("b"), 40)
    assert made == ["a", "b", "c", "b"]
    assert cache.get_or_make("huge", lambda: make("huge"), 1000) == "HUGE" and "huge" not in cache._items
    now[0] = 61.0
    cache.prune()
    assert len(cache) == 0 and cache.size == 0


def test_upload_cache_memory_returns_after_the_ttl():
    """Four parsed 'uploads' of 5 MB each: held while fresh, all given back once they expire."""
    now = [0.0]
    cache = BoundedCache(max_bytes=64 << 20, ttl=600, clock=lambda: now[0])
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(4):
            data = (f"upload {i} " * 600_000).encode()[: 5 << 20]
            cache.get_or_make(("u", i), lambda d=data: [Article(id=str(i), title="", text=d.decode())], len(data))
            del data
        held = tracemalloc.get_traced_memory()[0] - before
        now[0] = 601.0
        cache.prune()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held > 4 * (5 << 20) * 0.9
    assert after < 1 << 20, f"{after} bytes still held after the cache expired"
