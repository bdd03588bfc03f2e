"""What the app shares between sessions: a lock per piece of work and a bounded cache.

A Streamlit server runs every session in its own thread. One global lock around
extraction froze every other session while one of them parsed a big upload;
``KeyedLocks`` locks only the content keys being worked on, so a session with
nothing new to extract never waits, and two sessions adding the same article
parse it once. ``BoundedCache`` keeps parsed uploads by content, bounded in
bytes and in time, so memory comes back after the sessions that uploaded them
have gone.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from typing import Any, Callable, Hashable, Iterable, Iterator


class KeyedLocks:
    """One lock per key, created on demand and dropped when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[Hashable, list] = {}  # key -> [lock, users]

    def _take(self, key: Hashable) -> threading.Lock:
        with self._guard:
            entry = self._locks.setdefault(key, [threading.Lock(), 0])
            entry[1] += 1
            return entry[0]

    def _give_back(self, key: Hashable) -> None:
        with self._guard:
            entry = self._locks[key]
            entry[1] -= 1
            if entry[1] == 0:
                del self._locks[key]

    @contextmanager
    def hold(self, keys: Iterable[Hashable]) -> Iterator[None]:
        """Hold the locks of ``keys`` (sorted, so two holders never deadlock)."""
        taken: list[Hashable] = []
        acquired: list[threading.Lock] = []
        try:
            for key in sorted(set(keys)):
                lock = self._take(key)
                taken.append(key)
                lock.acquire()
                acquired.append(lock)
            yield
        finally:
            for lock in reversed(acquired):
                lock.release()
            for key in taken:
                self._give_back(key)

    def __len__(self) -> int:
        with self._guard:
            return len(self._locks)


class BoundedCache:
    """A least-recently-used cache bounded by total size (bytes, as the caller counts them)
    and by age: an entry older than ``ttl`` seconds is dropped on the next access."""

    def __init__(self, max_bytes: int, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_bytes, self.ttl, self._clock = int(max_bytes), float(ttl), clock
        self._items: OrderedDict[Hashable, tuple[float, int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.size = 0

    def get_or_make(self, key: Hashable, make: Callable[[], Any], size: int) -> Any:
        """The cached value for ``key``, else ``make()`` stored with ``size`` (if it fits)."""
        with self._lock:
            self._prune()
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit[2]
        value = make()  # outside the lock: other sessions keep going meanwhile
        if size <= self.max_bytes:
            with self._lock:
                if key not in self._items:
                    self._items[key] = (self._clock(), size, value)
                    self.size += size
                self._prune()
        return value

    def prune(self) -> None:
        with self._lock:
            self._prune()

    def _prune(self) -> None:
        now = self._clock()
        for key in [k for k, (born, _, _) in self._items.items() if now - born > self.ttl]:
            self.size -= self._items.pop(key)[1]
        while self.size > self.max_bytes and self._items:
            self.size -= self._items.popitem(last=False)[1][1]

    def __len__(self) -> int:
        return len(self._items)
