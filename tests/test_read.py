"""Reading documents into the pinned rendition: encodings, normalisation, hashing, bad files."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest

from kg.errors import InputError, UnsupportedFormat
from kg.read import pin, read_document


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_utf8_text_is_read_as_is(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.txt", b"Councillor Crute asked about re-referrals.\n"))
    assert doc.text == "Councillor Crute asked about re-referrals.\n"
    assert doc.encoding == "utf-8" and doc.warnings == () and doc.format == "txt" and doc.name == "a.txt"


def test_cp1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    raw = "The council\u2019s target was 95% \u2013 met.".encode("cp1252")
    doc = read_document(write(tmp_path / "b.txt", raw))
    assert "council\u2019s" in doc.text and "\u2013" in doc.text
    assert doc.encoding == "cp1252"
    assert len(doc.warnings) == 1 and "cp1252" in doc.warnings[0]


def test_rendition_is_nfc_with_lf_newlines_and_hash_is_of_the_rendition(tmp_path: Path) -> None:
    decomposed = "Cafe\u0301 report\r\nline two\rline three"
    doc = read_document(write(tmp_path / "c.md", decomposed.encode()))
    assert doc.text == "Caf\u00e9 report\nline two\nline three"
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert doc.format == "md"


def test_pin_is_idempotent() -> None:
    text = "\ufeffA\r\ne\u0301\x00"
    assert pin(text) == "A\n\u00e9"
    assert pin(pin(text)) == pin(text)


def test_same_text_in_two_encodings_pins_to_the_same_hash(tmp_path: Path) -> None:
    text = "Resolved: that the report be noted \u2013 Durham."
    a = read_document(write(tmp_path / "a.txt", text.encode("utf-8")))
    b = read_document(write(tmp_path / "b.txt", text.replace("\n", "\r\n").encode("cp1252")))
    assert a.sha256 == b.sha256


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("empty.txt", b"", InputError, "no text"),
        ("blank.txt", b"  \n\n  ", InputError, "no text"),
        ("binary.txt", bytes(range(256)) * 10, InputError, "binary"),
        ("sheet.xlsx", b"PK\x03\x04", UnsupportedFormat, "unknown format"),
    ],
)
def test_bad_files_raise_one_clear_error(
    tmp_path: Path, name: str, data: bytes, error: type, words: str
) -> None:
    path = write(tmp_path / name, data)
    with pytest.raises(error) as info:
        read_document(path)
    line = str(info.value)
    assert name in line and words in line and "\n" not in line


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_document(tmp_path / "gone.txt")


def test_list_markers_in_roman_numerals() -> None:
    from kg.read.layout import roman

    assert [roman(n) for n in (1, 2, 4, 9, 14, 40, 90, 400, 1994)] == [
        "I", "II", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV"]


@pytest.mark.parametrize(("control", "binary"), [(0, False), (5, False), (6, True), (100, True)])
def test_a_text_is_binary_above_five_control_bytes_in_a_hundred(control: int, binary: bool) -> None:
    """`looks_binary` counts the control bytes of the first 8 KB (tab, newline, carriage return and
    escape are text's own) and calls more than 5% binary."""
    from kg.read.text import looks_binary

    sample = (b"\x01" * control + b"a\tb\r\n\x1b" * 20)[:100].ljust(100, b"x")
    # only the first 8,192 bytes are read: the control bytes after them do not count
    assert looks_binary(sample * 81 + b"x" * 92 + b"\x01" * 1000) is binary


def test_pin_makes_no_break_and_thin_spaces_spaces_keeping_the_length() -> None:
    """Word and PDFs put no-break and thin spaces between a number and its unit ("£\u00a04.2m",
    "38\u202fdays"): the rendition has plain spaces there, one for one, so every offset still holds."""
    text = "Arrears were \u00a3\u00a04.2m and re-lets took 38\u202fdays (1\u2009000 homes)."
    assert pin(text) == "Arrears were \u00a3 4.2m and re-lets took 38 days (1 000 homes)."
    assert len(pin(text)) == len(text)


def test_a_markdown_document_reads_without_its_emphasis_and_heading_marks(tmp_path: Path) -> None:
    """"## 5. Housing" and "**RESOLVED** – That ..." read as the words (a converter's Markdown); a pipe table
    stays a table and a footnote's single asterisk ("95.9*") stays."""
    (tmp_path / "m.md").write_text(
        "## 5. Housing\n\n**RESOLVED** – That the report be noted.\n\n"
        "| Measure | 2023/24 |\n|---|---|\n| Positive destinations (%) | 95.9* |\n", encoding="utf-8")
    doc = read_document(tmp_path / "m.md")
    assert doc.text.startswith("5. Housing\n\nRESOLVED – That the report be noted.")
    assert "95.9*" in doc.text and len(doc.tables) == 1
