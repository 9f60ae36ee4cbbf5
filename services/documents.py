"""Documents rendered on request: the certificate PDF (fpdf2).

`certificate_pdf` is pure CPU work (tens of milliseconds): call it off the event loop, e.g.
`await asyncio.to_thread(certificate_pdf, ...)`. Its output depends only on its arguments.

Fonts: fpdf2's built-in fonts cover Latin-1 only, so a Unicode TrueType font from the system
is embedded (subset): Liberation Sans when it draws every character of the document, else
DejaVu Sans (Debian's `fonts-dejavu-core`, on every machine of this project's kind), which
draws Latin, Greek, Cyrillic, Arabic, Hebrew and more. CJK and other scripts they lack come
from a fallback font when one is installed (Noto Sans CJK, Droid Sans Fallback, WenQuanYi),
loaded only for documents that need it. Characters no available font draws are simplified
(accents dropped, "Ł" → "L") or shown as "?"; with no TrueType font at all the built-in
Helvetica is used the same way (Latin-1), so rendering never fails whatever the text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import cast

from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue, XPos, YPos

FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
)


@dataclass(frozen=True)
class FontFace:
    family: str
    regular: tuple[str, ...]  # file paths relative to a FONT_DIRS entry, first found wins
    bold: tuple[str, ...] = ()
    collection_index: int = 0  # the face inside a .ttc collection


# Text faces, in order of preference: a document uses the first that draws all its text (else
# the one that draws most). Liberation Sans is small (about four times faster to embed);
# DejaVu Sans draws many more scripts.
TEXT_FACES = (
    FontFace(
        "LiberationSans",
        (
            "truetype/liberation/LiberationSans-Regular.ttf",
            "truetype/liberation2/LiberationSans-Regular.ttf",
            "liberation-sans/LiberationSans-Regular.ttf",
        ),
        (
            "truetype/liberation/LiberationSans-Bold.ttf",
            "truetype/liberation2/LiberationSans-Bold.ttf",
            "liberation-sans/LiberationSans-Bold.ttf",
        ),
    ),
    FontFace(
        "DejaVuSans",
        (
            "truetype/dejavu/DejaVuSans.ttf",  # Debian, Ubuntu
            "dejavu-sans-fonts/DejaVuSans.ttf",  # Fedora
            "TTF/DejaVuSans.ttf",  # Arch
            "dejavu/DejaVuSans.ttf",  # Alpine
        ),
        (
            "truetype/dejavu/DejaVuSans-Bold.ttf",
            "dejavu-sans-fonts/DejaVuSans-Bold.ttf",
            "TTF/DejaVuSans-Bold.ttf",
            "dejavu/DejaVuSans-Bold.ttf",
        ),
    ),
)
# Scripts the text face lacks (Chinese, Japanese, Korean...), each used when installed.
FALLBACK_FACES = (
    FontFace(
        "NotoSansCJK",
        (
            "opentype/noto/NotoSansCJK-Regular.ttc",
            "google-noto-cjk/NotoSansCJK-Regular.ttc",
            "noto-cjk/NotoSansCJK-Regular.ttc",
        ),
    ),
    FontFace("DroidSansFallback", ("truetype/droid/DroidSansFallbackFull.ttf",)),
    FontFace("WenQuanYiMicroHei", ("truetype/wqy/wqy-microhei.ttc",)),
)

# Characters that Unicode decomposition does not simplify (escaped: several look like ASCII).
_SIMPLER = {
    "\u0141": "L",  # latin capital letter l with stroke
    "\u0142": "l",  # latin small letter l with stroke
    "\u0110": "D",  # latin capital letter d with stroke
    "\u0111": "d",  # latin small letter d with stroke
    "\u0126": "H",  # latin capital letter h with stroke
    "\u0127": "h",  # latin small letter h with stroke
    "\u0131": "i",  # latin small letter dotless i
    "\u0152": "OE",  # latin capital ligature oe
    "\u0153": "oe",  # latin small ligature oe
    "\u014a": "N",  # latin capital letter eng
    "\u014b": "n",  # latin small letter eng
    "\u0166": "T",  # latin capital letter t with stroke
    "\u0167": "t",  # latin small letter t with stroke
    "\u2018": "'",  # left single quotation mark
    "\u2019": "'",  # right single quotation mark
    "\u201a": ",",  # single low-9 quotation mark
    "\u201c": '"',  # left double quotation mark
    "\u201d": '"',  # right double quotation mark
    "\u201e": '"',  # double low-9 quotation mark
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2010": "-",  # hyphen
    "\u2212": "-",  # minus sign
    "\u20ac": "EUR",  # euro sign
}
_LATIN_1 = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100))
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MAX_TEXT = 300  # characters of a name or title considered at all

# Layout (mm, A4 landscape: 297 by 210) and colours.
_PAGE_W = 297.0
_MARGIN = 30.0
_TEXT_W = _PAGE_W - 2 * _MARGIN
_INK = (33, 37, 41)
_MUTED = (108, 117, 125)
_ACCENT = (22, 96, 136)


@dataclass(frozen=True)
class _Font:
    family: str  # an fpdf2 family: a registered TrueType family or the built-in "Helvetica"
    covers: Callable[[str], bool]


def certificate_pdf(
    holder_name: str,
    course_title: str,
    issued_at: datetime,
    expires_at: datetime | None,
    number: str,
) -> bytes:
    """A one-page landscape A4 certificate of completion, as PDF bytes."""
    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    font = _load_fonts(pdf, (holder_name, course_title, number))
    holder = _drawable(holder_name, font.covers) or "?"
    course = _drawable(course_title, font.covers) or "?"
    number_text = _drawable(number, font.covers) or "?"

    pdf.set_title(f"Certificate of completion {number_text}")
    pdf.set_subject(f"{holder} has completed the course {course}")
    pdf.set_author("lingograph")
    pdf.set_creator("lingograph")
    pdf.set_lang("en")
    pdf.set_creation_date(issued_at if issued_at.tzinfo else issued_at.replace(tzinfo=UTC))
    pdf.add_page()
    _frame(pdf)

    pdf.set_y(24)
    _line(pdf, font, "LINGOGRAPH", "B", 11, 8, _ACCENT)
    pdf.ln(6)
    _line(pdf, font, "Certificate of completion", "B", 30, 14, _INK)
    pdf.ln(8)
    _line(pdf, font, "This certifies that", "", 14, 8, _MUTED)
    pdf.ln(4)
    _fitted(pdf, font, holder, "B", 34, 20, 2, _INK)
    pdf.ln(4)
    _line(pdf, font, "has completed the course", "", 14, 8, _MUTED)
    pdf.ln(4)
    _fitted(pdf, font, course, "B", 22, 14, 2, _ACCENT)
    pdf.ln(8)
    dates = f"Issued on {_date(issued_at)}"
    if expires_at is not None:
        dates += f"   ·   Valid until {_date(expires_at)}"
    _line(pdf, font, _drawable(dates, font.covers), "", 12, 7, _INK)

    pdf.set_y(170)
    _line(pdf, font, f"Certificate number: {number_text}", "B", 12, 7, _INK)
    _line(pdf, font, "Verify at lingograph with this number", "", 10, 6, _MUTED)
    return bytes(pdf.output())


def _frame(pdf: FPDF) -> None:
    pdf.set_draw_color(*_ACCENT)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, _PAGE_W - 20, 190)
    pdf.set_line_width(0.3)
    pdf.rect(14, 14, _PAGE_W - 28, 182)
    pdf.set_line_width(0.5)
    pdf.line(_PAGE_W / 2 - 40, 160, _PAGE_W / 2 + 40, 160)


def _line(
    pdf: FPDF,
    font: _Font,
    text: str,
    style: str,
    size: float,
    height: float,
    colour: tuple[int, int, int],
) -> None:
    pdf.set_font(font.family, style, size)
    pdf.set_text_color(*colour)
    pdf.set_x(_MARGIN)
    pdf.cell(_TEXT_W, height, text, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _fitted(
    pdf: FPDF,
    font: _Font,
    text: str,
    style: str,
    size: int,
    min_size: int,
    max_lines: int,
    colour: tuple[int, int, int],
) -> None:
    """`text` on one line, shrunk down to `min_size`; still too wide, wrapped onto at most
    `max_lines` lines, the last one cut with "..."."""
    for candidate in range(size, min_size - 1, -2):
        pdf.set_font(font.family, style, candidate)
        if pdf.get_string_width(text) <= _TEXT_W:
            _line(pdf, font, text, style, candidate, candidate * 0.5, colour)
            return
    pdf.set_font(font.family, style, min_size)
    wrapped = pdf.multi_cell(_TEXT_W, 1, text, dry_run=True, output=MethodReturnValue.LINES)
    lines = [str(line) for line in cast(list[str], wrapped)]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1].rstrip()
        while last and pdf.get_string_width(last + "...") > _TEXT_W:
            last = last[:-1].rstrip()
        lines[-1] = last + "..."
    for text_line in lines:
        _line(pdf, font, text_line, style, min_size, min_size * 0.5, colour)


def _date(moment: datetime) -> str:
    day = moment.astimezone(UTC) if moment.tzinfo else moment
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _drawable(text: str, covers: Callable[[str], bool]) -> str:
    """`text` with only what the fonts can draw: layout whitespace becomes one space, control
    and format characters go, undrawable letters are simplified or become "?"."""
    result: list[str] = []
    for char in unicodedata.normalize("NFC", text[:_MAX_TEXT]):
        category = unicodedata.category(char)
        if char.isspace() or category in ("Zs", "Zl", "Zp"):
            result.append(" ")
        elif category[0] == "C":  # control, format, surrogate, private use, unassigned
            continue
        elif covers(char):
            result.append(char)
        else:
            result.append(_simpler(char, covers))
    return " ".join("".join(result).split())


def _simpler(char: str, covers: Callable[[str], bool]) -> str:
    parts = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    for candidate in (parts, _SIMPLER.get(char, "")):
        if candidate and all(covers(c) for c in candidate):
            return candidate
    return "?"


def _load_fonts(pdf: FPDF, texts: Iterable[str]) -> _Font:
    """Registers the fonts `texts` need: the first text face that draws every character (else
    the one drawing most), plus only the fallbacks that draw some of what it lacks."""
    text_faces, fallback_faces = _available_faces()
    if not text_faces:
        return _Font("Helvetica", lambda char: ord(char) in _LATIN_1)
    needed = {
        ord(char)
        for text in texts
        for char in unicodedata.normalize("NFC", text[:_MAX_TEXT])
        if not char.isspace() and unicodedata.category(char)[0] != "C"
    }

    def missing(face: tuple[_FontFile, _FontFile]) -> set[int]:
        return needed - (_codepoints(face[0]) & _codepoints(face[1]))

    regular, bold = min(text_faces, key=lambda face: len(missing(face)))  # first of the best
    pdf.add_font(regular.family, "", regular.path, collection_font_number=regular.index)
    pdf.add_font(bold.family, "B", bold.path, collection_font_number=bold.index)
    covered = _codepoints(regular) & _codepoints(bold)
    lacking = needed - covered
    families = []
    for face in fallback_faces:
        if lacking & _codepoints(face):
            pdf.add_font(face.family, "", face.path, collection_font_number=face.index)
            families.append(face.family)
            covered |= _codepoints(face)
            lacking -= _codepoints(face)
    if families:
        # A fallback has no bold: let bold text use its regular face.
        pdf.set_fallback_fonts(families, exact_match=False)
    return _Font(regular.family, lambda char: ord(char) in covered)


@dataclass(frozen=True)
class _FontFile:
    family: str
    path: str
    index: int


@cache
def _available_faces() -> tuple[tuple[tuple[_FontFile, _FontFile], ...], tuple[_FontFile, ...]]:
    """The installed text faces (regular and bold files) and fallback files, found once."""
    text_faces = []
    for face in TEXT_FACES:
        regular = _find(face, face.regular)
        bold = _find(face, face.bold) if face.bold else regular
        if regular is not None and bold is not None:
            text_faces.append((regular, bold))
    fallbacks = tuple(
        found for face in FALLBACK_FACES if (found := _find(face, face.regular)) is not None
    )
    return tuple(text_faces), fallbacks


def _find(face: FontFace, names: Iterable[str]) -> _FontFile | None:
    for name in names:
        for folder in FONT_DIRS:
            path = folder / name
            if path.is_file() and _codepoints_of(str(path), face.collection_index):
                return _FontFile(face.family, str(path), face.collection_index)
    return None


def _codepoints(font: _FontFile) -> frozenset[int]:
    return _codepoints_of(font.path, font.index)


@cache
def _codepoints_of(path: str, index: int) -> frozenset[int]:
    """The characters a font file maps to glyphs; empty when it cannot be read."""
    try:
        with ttLib.TTFont(path, fontNumber=index, lazy=True) as font:
            return frozenset(font.getBestCmap() or ())
    except Exception:  # a damaged or unsupported file is as good as none
        return frozenset()
