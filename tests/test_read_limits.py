"""kg.read.limits: PDF and DOCX bombs are refused before their readers build any text."""

from __future__ import annotations

import time
import zipfile
import zlib
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read import read_document
from kg.read.limits import MAX_NESTING, MAX_PAGES, check

READERS = Path(__file__).resolve().parent / "data" / "readers"
TEXT_LIMIT = 20_000_000  # the default KG_MAX_TEXT_MB, in bytes
LINE = b"BT /F1 12 Tf 72 720 Td (The Panel noted the report.) Tj ET\n"


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF with a correct cross-reference table; object 1 is the catalogue."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def deflated(head: bytes, padding_mb: int) -> bytes:
    """`head` then `padding_mb` MB of spaces, compressed a megabyte at a time (never all in memory)."""
    z = zlib.compressobj(9)
    parts = [z.compress(head)]
    mb = b" " * (1 << 20)
    parts += [z.compress(mb) for _ in range(padding_mb)]
    return b"".join(parts) + z.flush()


def make_pdf(path: Path, *, pages: int = 1, padding_mb: int = 0, nesting: int = 0) -> Path:
    content = deflated(LINE, padding_mb)
    n = pages
    kids = " ".join(f"{4 + i} 0 R" for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
               b"<< /Length " + str(len(content)).encode() + b" /Filter /FlateDecode >>\nstream\n" + content
               + b"\nendstream"]
    font = 4 + n
    objects += [(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                 f"/Resources << /Font << /F1 {font} 0 R >> >> >>").encode() for _ in range(n)]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    if nesting:
        objects.append(b"[" * nesting + b"1" + b"]" * nesting)
    path.write_bytes(pdf_bytes(objects))
    return path


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(path: Path, *, padding_mb: int = 0, tables: int = 0) -> Path:
    """The readers' Word fixture with its document.xml padded (a comment of spaces) or with tables
    nested inside each other."""
    src = READERS / "report_with_table.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename != "word/document.xml":
                zout.writestr(info, data)
                continue
            if tables:
                cell = f'<w:p xmlns:w="{W}"><w:r><w:t>deep</w:t></w:r></w:p>'
                for _ in range(tables):
                    cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl><w:p/>"
                data = data.replace(b"<w:body>", b"<w:body>" + cell.encode(), 1)
            with zout.open("word/document.xml", "w") as f:
                cut = data.index(b"<w:body>")
                f.write(data[:cut])
                mb = b" " * (1 << 20)
                if padding_mb:
                    f.write(b"<!--")
                    for _ in range(padding_mb):
                        f.write(mb)
                    f.write(b"-->")
                f.write(data[cut:])
    return path


def test_a_plain_pdf_and_docx_pass(tmp_path: Path) -> None:
    """The builders make files the readers read: the refusals below are the limits, nothing else."""
    doc = read_document(make_pdf(tmp_path / "plain.pdf", pages=3, nesting=10))
    assert "The Panel noted the report." in doc.text
    assert read_document(make_docx(tmp_path / "plain.docx", padding_mb=1, tables=3)).text.strip()
    for fixture in READERS.glob("*.pdf"):
        check(fixture, "pdf", TEXT_LIMIT)
    check(READERS / "report_with_table.docx", "docx", TEXT_LIMIT)


def test_pdf_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    bomb = make_pdf(tmp_path / "bomb.pdf", padding_mb=400)
    assert bomb.stat().st_size < 1_000_000  # under a megabyte, 400 MB inside
    started = time.monotonic()
    with pytest.raises(InputError, match="unpack to over 200 MB") as info:
        read_document(bomb)
    assert str(bomb) in str(info.value) and time.monotonic() - started < 20


def test_pdf_with_too_many_pages_or_too_deep_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="pages"):
        check(make_pdf(tmp_path / "pages.pdf", pages=MAX_PAGES + 1), "pdf", TEXT_LIMIT)
    with pytest.raises(InputError, match="nested"):
        check(make_pdf(tmp_path / "deep.pdf", nesting=MAX_NESTING + 50), "pdf", TEXT_LIMIT)


def test_pdf_bomb_under_ascii85_is_refused(tmp_path: Path) -> None:
    import base64

    packed = base64.a85encode(deflated(LINE, 300), adobe=True)[2:]
    head = b"<< /Length " + str(len(packed)).encode() + b" /Filter [/ASCII85Decode /FlateDecode] >>"
    body = head + b"\nstream\n" + packed + b"\nendstream"
    path = tmp_path / "a85.pdf"
    path.write_bytes(pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>",
                                body]))
    with pytest.raises(InputError, match="unpack"):
        check(path, "pdf", TEXT_LIMIT)


def test_docx_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    bomb = make_docx(tmp_path / "bomb.docx", padding_mb=400)
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(InputError, match="unpacks to 4\\d\\d MB") as info:
        read_document(bomb)
    assert str(bomb) in str(info.value)


def test_docx_with_tables_nested_too_deep_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nested"):
        read_document(make_docx(tmp_path / "deep.docx", tables=40))


def test_the_budget_follows_the_text_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_pdf(tmp_path / "mid.pdf", padding_mb=30)
    check(path, "pdf", TEXT_LIMIT)  # 30 MB inside: fine by default
    monkeypatch.setenv("KG_MAX_TEXT_MB", "2")
    with pytest.raises(InputError, match="unpack to over 20 MB"):
        read_document(path)
