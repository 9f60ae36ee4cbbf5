"""The certificate PDF (services/documents.py): a real PDF that a reader opens, whatever the
text, with the fonts this machine has and with none."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pypdf
import pytest

from services import documents
from services.documents import certificate_pdf

ISSUED = datetime(2025, 3, 4, 12, 30, tzinfo=UTC)
EXPIRES = datetime(2027, 3, 4, 12, 30, tzinfo=UTC)
HAS_UNICODE_FONT = bool(documents._available_faces()[0])


def read(pdf: bytes) -> tuple[pypdf.PdfReader, str]:
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    assert len(reader.pages) == 1
    return reader, reader.pages[0].extract_text()


def test_an_ascii_certificate() -> None:
    reader, text = read(
        certificate_pdf("Ada Lovelace", "English for Travel", ISSUED, EXPIRES, "LG-2025-000123")
    )
    for expected in (
        "Certificate of completion",
        "Ada Lovelace",
        "has completed the course",
        "English for Travel",
        "Issued on 4 March 2025",
        "Valid until 4 March 2027",
        "LG-2025-000123",
        "Verify at lingograph with this number",
    ):
        assert expected in text
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    assert round(float(page.mediabox.width)) == 842  # A4: 297 mm
    assert reader.metadata is not None
    assert reader.metadata.title == "Certificate of completion LG-2025-000123"


def test_without_expiry_no_expiry_is_printed() -> None:
    _, text = read(certificate_pdf("Ada", "English", ISSUED, None, "LG-1"))
    assert "Issued on 4 March 2025" in text
    assert "Valid until" not in text


@pytest.mark.skipif(not HAS_UNICODE_FONT, reason="no Unicode TrueType font on this machine")
@pytest.mark.parametrize(
    ("holder", "course"),
    [
        ("Zoë Núñez", "Inglés para viajeros"),
        ("Łukasz Żółć", "Français: à l'œuvre"),
        ("Ирина Петрова", "Ελληνικά"),
    ],
)
def test_accented_and_other_alphabets_are_kept(holder: str, course: str) -> None:
    _, text = read(certificate_pdf(holder, course, ISSUED, None, "LG-2025-000124"))
    assert holder in text
    assert course in text
    assert "LG-2025-000124" in text


def test_scripts_no_font_draws_never_fail() -> None:
    # Chinese is drawn with a CJK fallback font when one is installed, else shown as "?".
    _, text = read(certificate_pdf("王小明", "中文", ISSUED, None, "LG-3"))
    assert "王小明" in text or "???" in text
    assert "LG-3" in text


def test_odd_input_never_fails() -> None:
    for holder, course in [
        ("", ""),
        ("a\x00b\u200b\tc\nd", "e\u0301 \ud800 \U0001f600"),
        ("A" * 5000, "A very long course title " * 100),
    ]:
        read(certificate_pdf(holder, course, ISSUED, EXPIRES, "LG-4"))


def test_the_same_certificate_gives_the_same_bytes() -> None:
    first = certificate_pdf("Zoë", "Inglés", ISSUED, None, "LG-5")
    assert certificate_pdf("Zoë", "Inglés", ISSUED, None, "LG-5") == first


def test_with_no_truetype_font_latin_1_is_kept_and_the_rest_simplified(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(documents, "_available_faces", lambda: ((), ()))
    pdf = certificate_pdf("Zoë Łukasz", "Inglés “daily” 中文", ISSUED, None, "LG-6")
    _, text = read(pdf)
    assert b"/Helvetica" in pdf
    assert "Zoë Lukasz" in text
    assert 'Inglés "daily" ??' in text
    assert "LG-6" in text
