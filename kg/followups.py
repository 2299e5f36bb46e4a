"""The follow-up ledger for people: rows (made at, actor, what, due, status, evidence), overdue first, and an
HTML page a councillor can read, each row showing its quotes in context and linking to both ends.
Everything taken from documents is escaped."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from kg.errors import InputError, QueryError
from kg.ledger import STATUSES
from kg.query import internal, run
from kg.store import Store

ORDER = {"overdue": 0, "open": 1, "unknown": 2, "fulfilled": 3, "": 4}
COLUMNS = ("id", "council", "committee", "made_at", "actor", "text", "due", "due_date", "status", "since",
           "reason", "evidence", "fulfilled_file", "fulfilled_date", "file", "source_url", "commitment")


@dataclass(frozen=True)
class Followup:
    commitment: str
    text: str
    actor: str
    committee: str
    made_at: str  # meeting date, or the period where no date is known
    document: str
    file: str
    title: str
    quote: str
    prefix: str
    suffix: str
    due: str  # as written, or the kind
    due_kind: str
    due_date: str  # the one due time the ledger uses (a month named: its last day)
    confidence: str
    status: str  # "" when the ledger has not assessed it
    since: str  # the date of the meeting or evidence that made it so
    reason: str
    score: str
    fulfilled_by: str
    fulfilled_file: str
    fulfilled_title: str
    fulfilled_date: str
    evidence: str
    evidence_prefix: str
    evidence_suffix: str
    council: str = ""
    source_url: str = ""
    fulfilled_url: str = ""
    id: str = ""

    @property
    def partial(self) -> bool:
        return "partly delivered" in self.reason

    def record(self) -> dict[str, str]:
        return {k: str(getattr(self, k)) for k in COLUMNS}


def short_id(commitment: str) -> str:
    """A commitment's short ID: its document's hash (8) and its offset, stable across re-ingest."""
    parts = commitment.rstrip("/").split("/")
    return f"{parts[-2][:8]}-{parts[-1].split('-')[0]}" if len(parts) >= 2 else commitment


def _v(row: dict, key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


def parse_statuses(values: Iterable[str] | None) -> tuple[str, ...]:
    """'overdue,open' or repeated options -> ('overdue', 'open'); an unknown status is a QueryError."""
    out: list[str] = []
    for value in values or ():
        for part in value.split(","):
            s = part.strip().lower()
            if not s:
                continue
            if s not in STATUSES:
                raise QueryError(f"unknown status '{s}'", hint=f"use {', '.join(STATUSES)}")
            out.append(s)
    return tuple(dict.fromkeys(out))


def parse_date(value: str | dt.date | None, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as err:
        raise QueryError(f"bad {what} '{value}'", hint="write the date as YYYY-MM-DD") from err


@dataclass(frozen=True)
class Filters:
    statuses: tuple[str, ...] = ()
    council: str | None = None
    committee: str | None = None
    actor: str | None = None
    made_since: dt.date | None = None
    made_until: dt.date | None = None

    def describe(self) -> str:
        parts = [f"status {', '.join(self.statuses)}" if self.statuses else ""]
        for name in ("council", "committee", "actor"):
            if getattr(self, name):
                parts.append(f"{name} contains '{getattr(self, name)}'")
        if self.made_since:
            parts.append(f"made since {self.made_since.isoformat()}")
        if self.made_until:
            parts.append(f"made until {self.made_until.isoformat()}")
        return "; ".join(p for p in parts if p) or "none"

    def keep(self, f: Followup) -> bool:
        if self.statuses and f.status not in self.statuses:
            return False
        for name, value in (("council", f.council), ("committee", f.committee), ("actor", f.actor)):
            needle = (getattr(self, name) or "").strip().lower()
            if needle and needle not in value.lower() and needle not in value.replace("'", "").lower():
                return False
        made = f.made_at[:10] if re.fullmatch(r"\d{4}-\d\d-\d\d.*", f.made_at) else ""
        if self.made_since and (not made or made < self.made_since.isoformat()):
            return False
        return not (self.made_until and (not made or made > self.made_until.isoformat()))


def _due_date(r: dict) -> str:
    from kg.ledger import due_end
    from kg.ledger.match import Commitment

    day = parse_date(_v(r, "due_date")[:10] or None, "due date")
    if day is None:
        return ""
    c = Commitment("", "", "", None, None, None, "", _v(r, "due_kind"), _v(r, "due_text"), day)
    end = due_end(c)
    return end.isoformat() if end else ""


def rows(
    store: Store,
    *,
    statuses: Iterable[str] = (),
    committee: str | None = None,
    as_of: dt.date | None = None,
    filters: Filters | None = None,
) -> list[Followup]:
    """The ledger as of a date (default today), one row per commitment made by then: overdue, open, unknown,
    then fulfilled; oldest first within. The status is the timeline's step in force on that date."""
    day = (as_of or dt.date.today()).isoformat()
    f_ = filters or Filters(tuple(statuses), committee=committee)
    picked: dict[str, dict] = {}
    made: dict[str, dict] = {}
    def order(r: dict) -> tuple[str, str, str]:  # a step with no date (an older ledger) holds from the start
        return (_v(r, "since")[:10] or "0001-01-01", _v(r, "at"), _v(r, "assessment"))

    for r in run(store, internal("followups")).rows:
        key = str(r["commitment"])
        made.setdefault(key, r)
        if _v(r, "status") and order(r)[0] <= day:
            best = picked.get(key)
            if best is None or order(best) <= order(r):
                picked[key] = r
    out: list[Followup] = []
    for key, first in made.items():
        when = _v(first, "meeting_date")
        if when and when[:10] > day:
            continue  # not yet made on that date
        r = picked.get(key, first if key not in picked and not _v(first, "status") else None)
        if r is None:
            continue  # made, by its timeline, after that date
        f = Followup(
            commitment=key,
            text=_v(r, "text"),
            actor=_v(r, "actor_label"),
            committee=_v(r, "committee_label"),
            made_at=_v(r, "meeting_date") or _v(r, "period"),
            document=_v(r, "document"),
            file=_v(r, "file"),
            title=_v(r, "title"),
            quote=_v(r, "quote"),
            prefix=_v(r, "prefix"),
            suffix=_v(r, "suffix"),
            due=_v(r, "due_text") or _v(r, "due_kind").replace("_", " "),
            due_kind=_v(r, "due_kind"),
            due_date=_due_date(r),
            confidence=_v(r, "confidence"),
            status=_v(r, "status"),
            since=_v(r, "since")[:10] if _v(r, "since")[:10] != "0001-01-01" else "",
            reason=_v(r, "reason"),
            score=_v(r, "score"),
            fulfilled_by=_v(r, "fulfilled_by"),
            fulfilled_file=_v(r, "fulfilled_file"),
            fulfilled_title=_v(r, "fulfilled_title"),
            fulfilled_date=_v(r, "fulfilled_date"),
            evidence=_v(r, "evidence_quote"),
            evidence_prefix=_v(r, "evidence_prefix"),
            evidence_suffix=_v(r, "evidence_suffix"),
            council=_v(r, "council_label"),
            source_url=_v(r, "source_url"),
            fulfilled_url=_v(r, "fulfilled_url"),
            id=short_id(key),
        )
        if f_.keep(f):
            out.append(f)
    return sorted(out, key=lambda f: (ORDER.get(f.status, 4), f.made_at, f.committee, f.commitment))


def render(items: list[Followup], fmt: str) -> str:
    """The rows as CSV (one header line, COLUMNS) or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps([f.record() for f in items], indent=1, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for f in items:
            w.writerow(f.record())
        return buf.getvalue()
    raise QueryError(f"unknown format '{fmt}'", hint="table, csv or json")


# ---- the page


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1b1b1b;
       line-height: 1.45; }
h1 { font-size: 1.5rem; } table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: .45rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } .status { font-weight: 600; white-space: nowrap; }
.overdue { color: #a4000f; } .open { color: #7a5200; }
.fulfilled { color: #19632a; } .unknown { color: #555; }
blockquote { margin: .3rem 0; padding: .3rem .6rem; border-left: 3px solid #999; background: #fafafa; }
mark { background: #fff1a8; } .ctx { color: #666; } .small { font-size: .85rem; color: #555; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _quote(quote: str, prefix: str, suffix: str) -> str:
    return (
        f'<blockquote><span class="ctx">…{_e(prefix)}</span><mark>{_e(quote)}</mark>'
        f'<span class="ctx">{_e(suffix)}…</span></blockquote>'
    )


def _snippet(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _link(url: str, label: str) -> str:
    if not url.startswith(("http://", "https://")):
        return label
    return f'<a href="{_e(url)}" rel="noopener">{label}</a>'


def _row(i: int, f: Followup) -> str:
    status = f.status or "not assessed"
    made = _e(f.made_at) + f"<br><span class=small>{_e(f.council)}</span>"
    what = (
        f'{_e(f.text)}<br><a class="ctxlink" href="#q{i}">quote in context</a> · '
        + _link(f.source_url, f"<span class=small>{_e(f.file)}</span>")
        + f" <span class=small>[{_e(f.id)}]</span>"
    )
    due = _e(f.due) + (f"<br><span class=small>{_e(f.due_date)}</span>" if f.due_date else "")
    evidence = ""
    if f.evidence or f.fulfilled_file:
        evidence = (
            _link(f.fulfilled_url, _e(f.fulfilled_title or f.fulfilled_file or "evidence"))
            + f' · <a class="evlink" href="#e{i}">in context</a>'
            + f"<br><span class=small>{_e(f.fulfilled_date)} score {_e(f.score)}</span>"
            + (f"<br><q>{_e(_snippet(f.evidence))}</q>" if f.evidence else "")
        )
    elif f.reason:
        evidence = f"<span class=small>{_e(f.reason)}</span>"
    return (
        f'<tr id="r{i}" data-status="{_e(f.status)}" data-made="{_e(f.made_at)}" data-due="{_e(f.due_date)}">'
        f"<td>{made}</td><td>{_e(f.committee)}</td>"
        f"<td>{_e(f.actor) or '<span class=small>none named</span>'}</td>"
        f'<td>{what}</td><td>{due}</td><td class="status {_e(f.status)}">{_e(status)}'
        + (" <span class=small>(part delivered)</span>" if f.partial else "")
        + f"<br><span class=small>since {_e(f.since)}</span></td><td>{evidence}</td></tr>"
    )


def _quotes(i: int, f: Followup) -> str:
    out = [
        f'<section id="q{i}"><h3><a href="#r{i}">{i}. {_e(f.text)}</a></h3>',
        f"<p class=small>Made at {_e(f.made_at)} ({_e(f.committee)}, {_e(f.council)}), in "
        + _link(f.source_url, _e(f.title or f.file))
        + f" [{_e(f.file)}]:</p>",
        _quote(f.quote, f.prefix, f.suffix),
    ]
    if f.evidence or f.fulfilled_file:
        out.append(
            f'<div id="e{i}"><p class=small>Evidence, in '
            + _link(f.fulfilled_url, _e(f.fulfilled_title or f.fulfilled_file or "a later paper"))
            + f" [{_e(f.fulfilled_file)}] {_e(f.fulfilled_date)}: {_e(f.reason)}</p>"
            + (_quote(f.evidence, f.evidence_prefix, f.evidence_suffix) if f.evidence else "")
            + "</div>"
        )
    elif f.reason:
        out.append(f"<p class=small>Ledger: {_e(f.reason)}</p>")
    out.append("</section>")
    return "\n".join(out)


# Sorting, filtering and searching in the page, offline: no library, no network.
_JS = """
(function () {
  var body = document.querySelector('#ledger tbody');
  var rows = Array.prototype.slice.call(body.rows);
  var status = document.getElementById('f-status'), search = document.getElementById('f-search');
  var shown = document.getElementById('shown');
  function apply() {
    var s = status.value, q = search.value.toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var ok = (!s || r.dataset.status === s) && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok; n += ok ? 1 : 0;
    });
    shown.textContent = n + ' of ' + rows.length + ' shown';
  }
  status.addEventListener('change', apply); search.addEventListener('input', apply);
  document.querySelectorAll('#ledger th[data-key]').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var key = th.dataset.key, dir = th.dataset.dir === 'asc' ? -1 : 1;
      th.dataset.dir = dir === 1 ? 'asc' : 'desc';
      rows.sort(function (a, b) {
        var x = a.dataset[key] || a.cells[th.cellIndex].textContent;
        var y = b.dataset[key] || b.cells[th.cellIndex].textContent;
        return x < y ? -dir : x > y ? dir : 0;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
})();
"""


def page(
    items: list[Followup],
    *,
    title: str = "Follow-ups: what was promised, and was it kept",
    as_of: dt.date | None = None,
    filters: Filters | None = None,
) -> str:
    counts = {s: sum(1 for f in items if f.status == s) for s in ("overdue", "open", "unknown", "fulfilled")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no commitments"
    day = (as_of or dt.date.today()).isoformat()
    body = "\n".join(_row(i, f) for i, f in enumerate(items, 1))
    quotes = "\n".join(_quotes(i, f) for i, f in enumerate(items, 1))
    options = "".join(f'<option value="{s}">{s}</option>' for s in STATUSES)
    heads = "".join(
        f'<th data-key="{k}" title="click to sort">{label}</th>'
        for k, label in (("made", "Made at"), ("committee", "Committee"), ("actor", "Who"),
                         ("text", "What was promised"), ("due", "Due"), ("status", "Status"),
                         ("evidence", "Evidence"))
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}
th[data-key] {{ cursor: pointer; }} .controls {{ margin: .8rem 0; }}</style></head>
<body><h1>{_e(title)}</h1>
<p id="asof">Status as of <strong>{_e(day)}</strong>. Filters: {_e((filters or Filters()).describe())}.</p>
<p>{_e(summary)}. Overdue first. Each promise links to its source document and to the words minuted in
context, and to the later words that show it kept.</p>
<div class="controls">
<label>Status <select id="f-status"><option value="">all</option>{options}</select></label>
<label>Search <input id="f-search" type="search" placeholder="words in any column"></label>
<span id="shown" class="small"></span></div>
<table id="ledger"><thead><tr>{heads}</tr></thead>
<tbody>
{body}
</tbody></table>
<h2>The quotes</h2>
{quotes}
<script>{_JS}</script>
</body></html>
"""


@dataclass(frozen=True)
class Report:
    rows: list[Followup]
    html_path: Path | None = None
    as_of: dt.date | None = None


def followups(
    store: Store,
    *,
    statuses: Iterable[str] | None = None,
    committee: str | None = None,
    council: str | None = None,
    actor: str | None = None,
    made_since: str | dt.date | None = None,
    made_until: str | dt.date | None = None,
    as_of: str | dt.date | None = None,
    html_path: Path | None = None,
) -> Report:
    """The ledger as of a date (default today) as rows, filtered, written as an HTML page when asked."""
    day = parse_date(as_of, "--as-of date") or dt.date.today()
    filters = Filters(parse_statuses(statuses), council, committee, actor,
                      parse_date(made_since, "--made-since date"), parse_date(made_until, "--until date"))
    items = rows(store, as_of=day, filters=filters)
    if html_path is not None:
        try:
            html_path.write_text(page(items, as_of=day, filters=filters), encoding="utf-8")
        except OSError as err:
            raise InputError(
                f"cannot write the page: {err.strerror or err}",
                path=str(html_path),
                hint="check the folder exists and is writable",
            ) from err
    return Report(items, html_path, day)


def review(store: Store, ident: str, decision: str, *, reviewer: str = "", note: str = "") -> Followup:
    """Record a person's decision (confirm or reject) on a commitment's status as it stands today, then bring
    the ledger up to date; the commitment's row after it."""
    from kg.ledger import update_ledger
    from kg.ledger.review import record

    today = rows(store)
    hits = [f for f in today if ident in (f.id, f.commitment)]
    if len(hits) != 1:
        problem = f"no commitment '{ident}'" if not hits else f"'{ident}' names {len(hits)} commitments"
        raise QueryError(problem, hint="use the id column of `kg followups`")
    f = hits[0]
    if not f.status:
        raise QueryError(f"commitment '{ident}' has not been assessed yet", hint="run `kg ingest` first")
    span = _evidence_span(store, f)
    record(store, f.commitment, decision, f.status, span, reviewer=reviewer, note=note)
    update_ledger(store)
    return next(x for x in rows(store) if x.commitment == f.commitment)


def _evidence_span(store: Store, f: Followup) -> str | None:
    """The evidence span of the step in force today, from the ledger graph."""
    from kg import iris
    from kg.namespaces import CKG

    g = store.graph(str(iris.graph("ledger")))
    best = None
    for a in g.objects(URIRef(f.commitment), CKG.assessment):
        since = str(g.value(a, CKG.asOf) or "")
        if since <= dt.date.today().isoformat() and (best is None or since > best[0]):
            best = (since, g.value(a, CKG.evidence))
    return str(best[1]) if best and best[1] is not None else None
