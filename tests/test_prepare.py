"""kg.prepare: what the parent tells its workers of Known with each chunk (the rest of prepare is shown
through ingest, tests/test_ingest.py and tests/test_batch.py)."""

from __future__ import annotations

import pickle

from kg import prepare
from kg.indicator_link import KnownIndicator
from kg.link import Known
from kg.prepare import KNOWN_WHOLE, KNOWN_WINDOW, KnownNews, _heard, _Newsroom, _remember


def _grow(known: Known, n: int) -> Known:
    """Known after the n-th document: a new post at one of five councils, a found indicator at another, and
    every seventh document gives an indicator found five documents earlier its unit."""
    found = [(f"council {(n + 2) % 5}", KnownIndicator(f"found-{n}", f"Found indicator {n}", None))]
    if n % 7 == 0 and n >= 5:
        earlier = KnownIndicator(f"found-{n - 5}", f"Found indicator {n - 5}", "%")
        found.append((f"council {(n - 3) % 5}", earlier))
    return _remember(known, [(f"council {n % 5}", f"Head of Service {n}")], found)


def test_a_worker_that_hears_every_other_chunk_knows_what_the_parent_knows(monkeypatch):
    """Two workers taking chunks in turn each know what the parent knew when it sent their last chunk,
    though most chunks carry only the councils that changed lately."""
    news, known = _Newsroom(whole_first=2), Known()
    workers: list[Known] = [Known(), Known()]
    sent: list[Known] = []
    for n in range(200):
        known = _grow(known, n)
        sent.append(known)
        told = news.tell(known)
        monkeypatch.setattr(prepare, "_KNOWN", workers[n % 2])
        workers[n % 2] = _heard(told)
    assert workers[0] == sent[-2] and workers[1] == sent[-1]  # each as of the last chunk it took
    assert any(i.unit == "%" for found in known.indicators.values() for i in found)


def test_news_is_small_once_known_is_big():
    """Once much is known, a chunk carries what was added lately, not the whole of Known."""
    known = Known({f"council {c}": tuple(f"Post {i}" for i in range(20)) for c in range(1000)})
    news = _Newsroom(whole_first=1)
    assert news.tell(known) is known  # the first chunk takes the whole
    told = [news.tell(known := _grow(known, n)) for n in range(1, KNOWN_WHOLE - 1)]
    assert all(isinstance(t, KnownNews) for t in told)
    assert len(told[-1].posts) == KNOWN_WINDOW  # one a chunk
    assert len(pickle.dumps(told[-1])) * 50 < len(pickle.dumps(known))


def test_the_whole_of_known_goes_out_now_and_then():
    """A worker that missed a change is mended: one chunk in KNOWN_WHOLE carries all of Known."""
    news, known = _Newsroom(whole_first=1), Known()
    whole = [n for n in range(1, 3 * KNOWN_WHOLE + 1) if news.tell(known := _grow(known, n)) is known]
    assert whole == [1, KNOWN_WHOLE, 2 * KNOWN_WHOLE, 3 * KNOWN_WHOLE]
    assert KNOWN_WINDOW < KNOWN_WHOLE
