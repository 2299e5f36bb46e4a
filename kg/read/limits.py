"""Limits checked on a PDF or DOCX before its reader builds any text: what it unpacks to, its pages, its
nesting. Both formats are compressed: a 1 MB file can inflate to gigabytes inside the reader long before
the text limit (KG_MAX_TEXT_MB) can see the text. These checks inflate nothing beyond a budget of their
own and keep none of it.

The budget is `UNPACK_RATIO` times the text limit (200 MB by default): far above what a real report or
set of minutes unpacks to, far below what hurts the machine.
"""

from __future__ import annotations

import base64
import binascii
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from kg.errors import InputError

UNPACK_RATIO = 10  # unpacked bytes allowed per byte of the text limit
MAX_PAGES = 5000
MAX_NESTING = 100  # PDF arrays and dictionaries inside each other; DOCX elements inside each other
MAX_TABLE_NESTING = 16  # Word tables inside table cells
MAX_ZIP_ENTRIES = 10_000
_CHUNK = 1 << 20

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_BRACKETS = re.compile(rb"<<|>>|\[|\]")
_W_TBL = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tbl"


def _refuse(path: Path, what: str) -> InputError:
    return InputError(what, path=str(path), hint="a compressed bomb or a damaged file? if real, split it")


def check(path: Path, fmt: str, text_limit: int) -> None:
    """Raise InputError (naming the file) if a PDF or DOCX is over a limit; other formats pass."""
    budget = UNPACK_RATIO * text_limit
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader reports it
    if size > budget:  # never unpacked smaller than it is packed, near enough
        raise _refuse(path, f"{size / 1e6:,.0f} MB (limit {budget / 1e6:,.0f} MB)")
    if fmt == "docx":
        check_docx(path, budget)
    elif fmt == "pdf":
        check_pdf(path, budget)


# ---- DOCX: a zip of XML parts


def check_docx(path: Path, budget: int) -> None:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: the reader says so in its own words
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise _refuse(path, f"too many parts ({len(infos):,}; limit {MAX_ZIP_ENTRIES:,})")
        # zipfile never inflates an entry past the size its directory declares (it stops there and the
        # checksum fails), so the declared sizes bound what python-docx can unpack.
        total = sum(i.file_size for i in infos)
        if total > budget:
            raise _refuse(path, f"unpacks to {total / 1e6:,.0f} MB (limit {budget / 1e6:,.0f} MB)")
        if "word/document.xml" in zf.namelist():
            _check_xml_nesting(path, zf, "word/document.xml")


def _check_xml_nesting(path: Path, zf: zipfile.ZipFile, name: str) -> None:
    depth = tables = 0
    try:
        with zf.open(name) as f:
            for event, element in etree.iterparse(f, events=("start", "end"), resolve_entities=False,
                                                  no_network=True, huge_tree=False):
                if event == "start":
                    depth += 1
                    tables += element.tag == _W_TBL
                    if depth > MAX_NESTING:
                        raise _refuse(path, f"elements nested over {MAX_NESTING} deep")
                    if tables > MAX_TABLE_NESTING:
                        raise _refuse(path, f"tables nested over {MAX_TABLE_NESTING} deep")
                else:
                    depth -= 1
                    tables -= element.tag == _W_TBL
                    if depth == 2:  # a finished block of the body: free it as we go
                        element.clear()
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, zlib.error):
        return  # damaged: the reader refuses it with its own line


# ---- PDF: objects, some of them compressed streams


def check_pdf(path: Path, budget: int) -> None:
    try:
        data = path.read_bytes()
    except OSError:
        return  # the reader reports it
    left = budget
    pages = len(_PAGE.findall(_without_streams(data)))
    depth = _nesting(_without_streams(data))
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        if end < 0:
            break
        head = data[max(0, m.start() - 1024):m.start()]
        head = head[head.rfind(b"obj") + 3:] if b"obj" in head else head
        if re.search(rb"/Subtype\s*/Image", head):
            continue  # pixels: never inflated to build text
        objects = bool(re.search(rb"/Type\s*/ObjStm", head))
        used, inflated = _inflate(data[m.end():end], left, keep=objects)
        left -= used
        if left < 0:
            raise _refuse(path, f"its streams unpack to over {budget / 1e6:,.0f} MB (the limit)")
        if inflated:  # objects packed in a stream: pages and nesting hide there too
            pages += len(_PAGE.findall(inflated))
            depth = max(depth, _nesting(inflated))
        if pages > MAX_PAGES:
            break
    if pages > MAX_PAGES:
        raise _refuse(path, f"over {MAX_PAGES:,} pages")
    if depth > MAX_NESTING:
        raise _refuse(path, f"arrays or dictionaries nested over {MAX_NESTING} deep")


def _without_streams(data: bytes) -> bytes:
    return re.sub(rb"(?<!end)stream\r?\n.*?endstream", b"", data, flags=re.S)


def _nesting(data: bytes) -> int:
    depth = most = 0
    for m in _BRACKETS.finditer(data):
        depth = depth + 1 if m.group() in (b"<<", b"[") else max(0, depth - 1)
        most = max(most, depth)
        if most > MAX_NESTING:
            break
    return most


def _inflate(raw: bytes, left: int, *, keep: bool) -> tuple[int, bytes]:
    """(bytes the stream inflates to, up to `left` + 1; the bytes themselves if `keep`). A stream that is
    not zlib data, bare or under ASCII85 or hex, counts as its own size."""
    for decode in (lambda b: b, _ascii85, _hex):
        try:
            packed = decode(raw)
        except (ValueError, binascii.Error):
            continue
        d = zlib.decompressobj()
        size, kept = 0, []
        try:
            chunk = d.decompress(packed, _CHUNK)
            while chunk:
                size += len(chunk)
                if keep:
                    kept.append(chunk)
                if size > left:
                    return size, b""
                chunk = d.decompress(d.unconsumed_tail, _CHUNK) if d.unconsumed_tail else b""
        except zlib.error:
            if size == 0:
                continue
        return size, b"".join(kept)
    return len(raw), b""


def _ascii85(raw: bytes) -> bytes:
    body = raw.strip()
    if not body.endswith(b"~>"):
        raise ValueError("not ASCII85")
    return base64.a85decode(b"<~" + body.removeprefix(b"<~"), adobe=True, ignorechars=b" \t\r\n\x0c")


def _hex(raw: bytes) -> bytes:
    body = re.sub(rb"\s", b"", raw)
    if not body.endswith(b">"):
        raise ValueError("not hex")
    body = body[:-1]
    return bytes.fromhex((body + b"0" * (len(body) % 2)).decode("ascii"))
