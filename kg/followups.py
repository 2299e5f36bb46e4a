"""The follow-up ledger for people: rows (made at, actor, what, due, status, evidence), overdue first, and an
HTML page a councillor can read, each row showing its quotes in context and linking to both ends.
Everything taken from documents is escaped."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, QueryError
from kg.ledger import STATUSES
from kg.query import internal, run
from kg.store import Store

ORDER = {"overdue": 0, "open": 1, "unknown": 2, "fulfilled": 3, "": 4}


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
    due_date: str
    confidence: str
    status: str  # "" when the ledger has not assessed it
    since: str  # when the ledger recorded this status
    reason: str
    score: str
    fulfilled_by: str
    fulfilled_file: str
    fulfilled_title: str
    fulfilled_date: str
    evidence: str
    evidence_prefix: str
    evidence_suffix: str


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


def rows(store: Store, *, statuses: Iterable[str] = (), committee: str | None = None) -> list[Followup]:
    """The ledger, one row per commitment: overdue, open, unknown, then fulfilled; oldest first within."""
    wanted = set(statuses)
    needle = (committee or "").strip().lower()
    seen: dict[str, Followup] = {}
    for r in run(store, internal("followups")).rows:
        key = str(r["commitment"])
        if key in seen:
            continue
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
            due_date=_v(r, "due_date"),
            confidence=_v(r, "confidence"),
            status=_v(r, "status"),
            since=_v(r, "since")[:19].replace("T", " "),
            reason=_v(r, "reason"),
            score=_v(r, "score"),
            fulfilled_by=_v(r, "fulfilled_by"),
            fulfilled_file=_v(r, "fulfilled_file"),
            fulfilled_title=_v(r, "fulfilled_title"),
            fulfilled_date=_v(r, "fulfilled_date"),
            evidence=_v(r, "evidence_quote"),
            evidence_prefix=_v(r, "evidence_prefix"),
            evidence_suffix=_v(r, "evidence_suffix"),
        )
        if wanted and f.status not in wanted:
            continue
        if (
            needle
            and needle not in f.committee.lower()
            and needle not in f.committee.replace("'", "").lower()
        ):
            continue
        seen[key] = f
    return sorted(seen.values(), key=lambda f: (ORDER.get(f.status, 4), f.made_at, f.committee, f.commitment))


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


def _row(i: int, f: Followup) -> str:
    status = f.status or "not assessed"
    made = _e(f.made_at) + (f"<br><span class=small>{_e(f.committee)}</span>" if f.committee else "")
    what = f'{_e(f.text)}<br><a href="#q{i}">quote</a> · <span class=small>{_e(f.file)}</span>' + (
        f" <span class=small>(confidence {_e(f.confidence)})</span>"
        if f.confidence and f.confidence != "1"
        else ""
    )
    due = _e(f.due) + (f"<br><span class=small>{_e(f.due_date)}</span>" if f.due_date else "")
    evidence = ""
    if f.evidence:
        evidence = (
            f'<a href="#e{i}">{_e(f.fulfilled_title or f.fulfilled_file)}</a>'
            f"<br><span class=small>{_e(f.fulfilled_date)} score {_e(f.score)}</span>"
            f"<br><q>{_e(_snippet(f.evidence))}</q>"
        )
    elif f.reason:
        evidence = f"<span class=small>{_e(f.reason)}</span>"
    return (
        f'<tr id="r{i}"><td>{made}</td><td>{_e(f.actor) or "<span class=small>none named</span>"}</td>'
        f'<td>{what}</td><td>{due}</td><td class="status {_e(f.status)}">{_e(status)}'
        f"<br><span class=small>since {_e(f.since[:10])}</span></td><td>{evidence}</td></tr>"
    )


def _quotes(i: int, f: Followup) -> str:
    out = [
        f'<section id="q{i}"><h3><a href="#r{i}">{i}. {_e(f.text)}</a></h3>',
        f"<p class=small>Made at {_e(f.made_at)} ({_e(f.committee)}), in {_e(f.title or f.file)} "
        f"[{_e(f.file)}]:</p>",
        _quote(f.quote, f.prefix, f.suffix),
    ]
    if f.evidence:
        out += [
            f'<p id="e{i}" class=small>Evidence it was kept, in {_e(f.fulfilled_title or f.fulfilled_file)} '
            f"[{_e(f.fulfilled_file)}] {_e(f.fulfilled_date)}: {_e(f.reason)}</p>",
            _quote(f.evidence, f.evidence_prefix, f.evidence_suffix),
        ]
    elif f.reason:
        out.append(f"<p class=small>Ledger: {_e(f.reason)}</p>")
    out.append("</section>")
    return "\n".join(out)


def page(items: list[Followup], *, title: str = "Follow-ups: what was promised, and was it kept") -> str:
    counts = {s: sum(1 for f in items if f.status == s) for s in ("overdue", "open", "unknown", "fulfilled")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no commitments"
    body = "\n".join(_row(i, f) for i, f in enumerate(items, 1))
    quotes = "\n".join(_quotes(i, f) for i, f in enumerate(items, 1))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>
<body><h1>{_e(title)}</h1>
<p>{_e(summary)}. Overdue first. Each promise links to the words minuted,
and to the later words that show it kept.</p>
<table><thead><tr><th>Made at</th><th>Who</th><th>What was promised</th><th>Due</th><th>Status</th>
<th>Evidence</th></tr></thead>
<tbody>
{body}
</tbody></table>
<h2>The quotes</h2>
{quotes}
</body></html>
"""


@dataclass(frozen=True)
class Report:
    rows: list[Followup]
    html_path: Path | None = None


def followups(
    store: Store,
    *,
    statuses: Iterable[str] | None = None,
    committee: str | None = None,
    html_path: Path | None = None,
) -> Report:
    """The ledger as rows (filtered by status and committee name), written as an HTML page when asked."""
    items = rows(store, statuses=parse_statuses(statuses), committee=committee)
    if html_path is not None:
        try:
            html_path.write_text(page(items), encoding="utf-8")
        except OSError as err:
            raise InputError(
                f"cannot write the page: {err.strerror or err}",
                path=str(html_path),
                hint="check the folder exists and is writable",
            ) from err
    return Report(items, html_path)
