"""What the pages compute (views, statistics, query results, resource descriptions), kept until the
store's version changes (`kg.store.store_version`): a page is computed once per store version, and
concurrent requests for the same page wait for the one computation rather than each starting their own."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class VersionCache:
    """A bounded LRU map of (kind, key) -> value, emptied whenever `version()` returns something new."""

    def __init__(self, version: Callable[[], str], size: int = 256) -> None:
        self.version, self.size = version, size
        self.seen = ""
        self.items: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()
        self.computing: dict[Hashable, threading.Lock] = {}
        self.hits = self.misses = 0

    def current(self) -> str:
        """The store's version now; entries from an older version are dropped."""
        now = self.version()
        with self.lock:
            if now != self.seen:
                self.items.clear()
                self.seen = now
        return now

    def forget(self, key: Hashable) -> None:
        """Drop one entry (an answer that should not be kept: a query the server stopped)."""
        with self.lock:
            self.items.pop((self.seen, key), None)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        version = self.current()
        full = (version, key)
        with self.lock:
            if full in self.items:
                self.items.move_to_end(full)
                self.hits += 1
                return self.items[full]
            gate = self.computing.setdefault(full, threading.Lock())
        with gate:  # one computation per page; the others wait for it and read its result
            with self.lock:
                if full in self.items:
                    self.hits += 1
                    return self.items[full]
            self.misses += 1
            try:
                value = compute()  # an error is not kept: the next request tries again
            finally:
                with self.lock:
                    self.computing.pop(full, None)
            with self.lock:
                if self.seen == version:  # the store moved on meanwhile: answer, but do not keep it
                    self.items[full] = value
                    while len(self.items) > self.size:
                        self.items.popitem(last=False)
            return value
