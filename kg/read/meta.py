"""Document metadata: a sidecar `<file>.meta.yaml` first, then a ModernGov header in the text,
then whatever the format's reader found (an HTML page's meeting header), else left for extraction."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import fields, replace
from pathlib import Path

from kg import iris
from kg.errors import InputError, MetadataError
from kg.model import DocMeta
from kg.periods import month_number, normalise_period
from kg.yamlfile import loads

SIDECAR_SUFFIX = ".meta.yaml"
KEYS = (
    "council",
    "committee",
    "meeting_date",
    "title",
    "doc_type",
    "period",
    "source_url",
    "item",
    "original",
)
DOC_TYPES = ("minutes", "report", "agenda", "decision", "other")
MAX_SIDECAR = 64_000  # bytes; a real sidecar is a few hundred
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x1f]+")

# "Meeting: 13/07/2022 - Corporate Parenting Panel (Item 11)"
_HEADER = re.compile(
    r"^\s*Meeting:\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*[-–]\s*(?P<committee>.+?)"
    r"(?:\s*\((?:Item|Agenda item)\s*(?P<item>[\w.]+)\))?\s*$",
    re.M | re.I,
)


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_sidecar(path: Path, *, root: Path) -> dict:
    """The sidecar's fields, validated; {} where there is none. Raises MetadataError naming the file."""
    if not path.exists():
        if path.is_symlink():
            raise MetadataError("sidecar is a broken symbolic link", path=str(path),
                                hint="point it at a file, or delete it")
        return {}
    try:
        # dates stay strings, so a bad date gets our clear message, not PyYAML's
        data = loads(_read_bounded(path), str(path), dates=False)
    except OSError as err:  # a folder named like a sidecar, or a sidecar deleted while we run
        raise MetadataError(
            f"cannot read sidecar: {err.strerror or err}",
            path=str(path),
            hint="make it a readable YAML file, or delete it",
        ) from err
    except InputError as err:
        raise MetadataError(f"sidecar is {err.message}", path=str(path),
                            hint="fix or delete the sidecar") from err
    except UnicodeDecodeError as err:
        raise MetadataError("sidecar is not valid YAML: not UTF-8", path=str(path),
                            hint="fix or delete the sidecar") from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MetadataError(
            "sidecar must be a mapping of keys to values", path=str(path), hint=f"keys: {', '.join(KEYS)}"
        )
    unknown = sorted(set(map(str, data)) - set(KEYS))
    if unknown:
        raise MetadataError(
            f"unknown sidecar key(s): {', '.join(unknown)}",
            path=str(path),
            hint=f"allowed: {', '.join(KEYS)}",
        )
    out: dict = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            kind = ("true/false" if isinstance(value, bool) else "a list" if isinstance(value, list)
                    else "a mapping" if isinstance(value, dict) else type(value).__name__)
            raise MetadataError(f"sidecar key '{key}' must be text, not {kind}", path=str(path),
                                hint="quote the value if it is meant as text")
        if key == "meeting_date":
            out[key] = _date(value, path)
        elif key == "doc_type":
            if str(value) not in DOC_TYPES:
                raise MetadataError(
                    f"doc_type '{value}' is not one of {', '.join(DOC_TYPES)}", path=str(path)
                )
            out[key] = str(value)
        elif key == "period":
            label = normalise_period(str(value))
            if not label:
                raise MetadataError(
                    f"period '{value}' is not a financial year or quarter",
                    path=str(path),
                    hint="write it like '2017/18 Q2', '2023/24' or 'Q1'",
                )
            out[key] = label
        elif key == "original":
            out[key] = _inside(value, path, root)
        elif key == "source_url":
            url = str(value).strip()
            if not _ABSOLUTE_IRI.fullmatch(url) or len(url) > 2000 or not iris.valid(url):
                raise MetadataError(f"source_url '{url[:80]}' is not an absolute URL", path=str(path),
                                    hint="write the full address, like https://...")
            out[key] = url
        else:
            out[key] = str(value).strip()
    return out



def _read_bounded(path: Path) -> str:
    """The sidecar's text, from a regular file of at most MAX_SIDECAR bytes. Opened without blocking and
    checked before reading: a FIFO would hang the run, a link to /dev/zero would fill memory."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise MetadataError("cannot read sidecar: not a regular file", path=str(path),
                                hint="make it a small YAML file, or delete it")
        if info.st_size > MAX_SIDECAR:
            raise MetadataError(f"sidecar is too large ({info.st_size:,} bytes; limit {MAX_SIDECAR:,})",
                                path=str(path), hint="a sidecar holds a few keys")
        data = os.read(fd, MAX_SIDECAR + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_SIDECAR:  # grew while we read
        raise MetadataError(f"sidecar is too large (limit {MAX_SIDECAR:,} bytes)", path=str(path))
    return data.decode("utf-8")


def _date(value: object, path: Path) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise MetadataError(
            f"meeting_date '{value}' is not a date", path=str(path), hint="write it as YYYY-MM-DD"
        ) from err


def _inside(value: object, path: Path, root: Path) -> str:
    """A file a sidecar refers to must stay inside the ingested folder."""
    target = (path.parent / str(value)).resolve()
    if not target.is_relative_to(root.resolve()):
        raise MetadataError(
            f"'original: {value}' points outside the ingested folder",
            path=str(path),
            hint="refer only to files beside the document",
        )
    return str(target.relative_to(root.resolve()))


# ModernGov's meeting page title, maybe after the kind of page ("Minutes: ", "Agenda and minutes: "):
# "Overview and Scrutiny Management Committee - Friday, 28th April, 2023 6.00 pm"
_TITLE = re.compile(
    r"^(?i:(?:draft[ \t]+)?(?:agenda|minutes|decisions)(?:,?[ \t]+(?:and[ \t]+)?(?:draft[ \t]+)?"
    r"(?:agenda|minutes|decisions))*[ \t]*:[ \t]*)?"
    r"(?P<committee>[A-Z][^\n:]{2,120}?)[ \t]+[-–][ \t]+"  # at the line's start: not a label's second line
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?P<month>[A-Za-z]+),?[ \t]+(?P<y>\d{4})"
    r"(?:,?[ \t]+\d{1,2}(?:[.:]\d{2})?[ \t]*(?:am|pm|a\.m\.|p\.m\.))?[ \t]*$",
    re.M)
_HEADS = re.compile(r"(?i)\b(?:Committee|Sub-Committee|Panel|Board|Cabinet|Executive|Forum|Commission"
                    r"|Partnership"
                    r"|Group|Council|Assembly)(?:[ \t]*\([^()]{2,60}\))?$")
# A decision notice: "Decision Maker: Cabinet" and "Date of decision: 22 February 2023"
_DECISION = re.compile(r"^[ \t]*Decision[ \t]+maker:[ \t]*(?P<who>[^\n]{2,120}?)[ \t]*$", re.M | re.I)
_DECIDED = re.compile(r"^[ \t]*Date[ \t]+of[ \t]+decision:[ \t]*(?P<d>\d{1,2})(?:st|nd|rd|th)?[ \t]+"
                      r"(?P<month>[A-Za-z]+),?"
                      r"[ \t]+(?P<y>\d{4})", re.M | re.I)


def _named_date(m: re.Match[str]) -> dt.date | None:
    month = month_number(m.group("month"))
    if not month:
        return None
    try:
        return dt.date(int(m.group("y")), month, int(m.group("d")))
    except ValueError:
        return None


_COUNCIL_PART = re.compile(r"^[^\n]{2,80}?\bCouncil(?:[ \t]+[-–][ \t]+|[ \t]{2,}|\t)(?=\S)", re.I)


def _without_council(name: str) -> str:
    """"X COUNCIL - AUDIT COMMITTEE" (a report's running title in an agenda pack) names the committee after
    its council: the committee is the part after the dash (or after a PDF's column gap)."""
    m = _COUNCIL_PART.match(name)
    return name[m.end():] if m and _HEADS.search(name[m.end():]) else name


def header_meta(text: str) -> dict:
    """Fields from a ModernGov header in the text itself: the "Meeting: dd/mm/yyyy - Committee (Item n)" line,
    a meeting page's title ("Committee - Friday, 28th April, 2023 6.00 pm"), a decision's "Decision Maker"."""
    head = text[:2000]
    m = _HEADER.search(head)
    if not m:
        out: dict = {}
        t = _TITLE.search(head)
        if t and _HEADS.search(t.group("committee")) and (when := _named_date(t)):
            out = {"committee": _without_council(t.group("committee").strip()), "meeting_date": when}
        elif (d := _DECISION.search(head)):
            out = {"committee": d.group("who").strip(), "doc_type": "decision"}
            if (w := _DECIDED.search(head)) and (when := _named_date(w)):
                out["meeting_date"] = when
        return out
    try:
        date = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return {}
    out: dict = {"meeting_date": date, "committee": m.group("committee").strip()}
    if m.group("item"):
        out["item"] = m.group("item")
    return out


def merge_meta(sidecar: dict, text: str, reader: DocMeta) -> DocMeta:
    """Sidecar beats header beats the reader's own findings; `origins` records which won."""
    values: dict = {}
    origins: dict[str, str] = {}
    layers = (
        ("sidecar", sidecar),
        ("header", header_meta(text)),
        ("header", {f.name: getattr(reader, f.name) for f in fields(reader) if f.name != "origins"}),
    )
    for origin, layer in layers:
        for key, value in layer.items():
            if key == "source_url" and layer is not sidecar and not (
                    _ABSOLUTE_IRI.fullmatch(str(value or "")) and iris.valid(str(value))):
                continue  # a link a page gave that is not an absolute URL: not a source to cite
            if key in KEYS and key not in values and value not in (None, ""):
                values[key] = value
                origins[key] = reader.origin(key) or origin if layer is not sidecar else "sidecar"
    values.pop("original", None)  # provenance only, handled by the ingest stage
    meta = DocMeta(**values)
    return replace(meta, origins=tuple(sorted(origins.items())))
