"""A material's input reduced to structured plain text, and its language.

Rules:
- At most `MAX_TEXT_CHARS` (200,000) characters of input, counted as given (markup
  included), so a request can be refused before any work; longer input is TOO_LONG. Input
  with no word at all (only spaces, markup or punctuation) is EMPTY.
- The format is the one named, else recognised: HTML when it contains a tag of a known HTML
  element (`<p>`, `</div>`, ...) and no Markdown marker; Markdown when it has a marker (an
  ATX heading `# `, a setext underline, a code fence, a quote `> `, `**bold**`, a
  `[link](url)`); plain text otherwise.
- HTML is sanitised with nh3 (the Ammonia sanitiser) down to structural tags only: scripts,
  styles and the document head disappear with their content, every other tag is dropped
  and its text kept. Markdown is rendered to HTML by markdown-it-py (CommonMark, tables)
  and then read exactly like HTML, so a Markdown text and the HTML it stands for reduce to
  the same blocks.
- Plain text is kept: blocks are separated by blank lines; lines starting with a bullet
  (`-`, `*`, `•`, `1.`, `1)`) form a list; a single short line without final punctuation
  followed by more text is a heading.
- The result is a list of blocks (heading, paragraph, list with items) and their canonical
  text: blocks separated by a blank line, list items on lines starting with "- ". Reading
  that text again as plain text gives the same blocks.
- Language: the given code (`es-MX` → `es`), else detected by lingua over the first
  `DETECTION_SAMPLE_CHARS` of the text among `LANGUAGES` (a restricted set: fast and
  deterministic), else (too short or too mixed to tell) `DEFAULT_LANGUAGE`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from html.parser import HTMLParser

import nh3
from lingua import Language, LanguageDetector, LanguageDetectorBuilder
from markdown_it import MarkdownIt

from services.generator.base import ChunkKind, MaterialTextError

MAX_TEXT_CHARS = 200_000
DETECTION_SAMPLE_CHARS = 5_000
DEFAULT_LANGUAGE = "en"
MIN_RELATIVE_DISTANCE = 0.1  # lingua's margin between the likeliest languages to decide
# Languages detected, each supported by all the generator's tools (simplemma, yake's stop
# words, wordfreq) and written with spaces between words: detection among fewer languages is
# faster and confuses fewer neighbours.
LANGUAGES: dict[Language, str] = {
    Language.ENGLISH: "en",
    Language.SPANISH: "es",
    Language.FRENCH: "fr",
    Language.GERMAN: "de",
    Language.ITALIAN: "it",
    Language.PORTUGUESE: "pt",
    Language.DUTCH: "nl",
    Language.POLISH: "pl",
    Language.SWEDISH: "sv",
    Language.DANISH: "da",
    Language.CZECH: "cs",
    Language.ROMANIAN: "ro",
    Language.TURKISH: "tr",
    Language.RUSSIAN: "ru",
    Language.UKRAINIAN: "uk",
}


class TextFormat(StrEnum):
    PLAIN = "plain"
    MARKDOWN = "markdown"
    HTML = "html"


@dataclass(frozen=True)
class Block:
    kind: ChunkKind
    text: str  # a list's items joined by newlines, each starting with "- "
    items: tuple[str, ...] = ()  # a list's items


@dataclass(frozen=True)
class PreparedText:
    format: TextFormat
    blocks: tuple[Block, ...]
    language: str
    language_detected: bool

    @property
    def text(self) -> str:
        return render(self.blocks)


def render(blocks: tuple[Block, ...] | list[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)


def list_block(items: list[str]) -> Block:
    items = [item for item in items if item]
    return Block(ChunkKind.LIST, "\n".join(f"- {item}" for item in items), tuple(items))


def _clean(text: str) -> str:
    """Runs of white space (non-breaking spaces and line breaks too) become one space."""
    return " ".join(text.split())


# --- recognising the format -------------------------------------------------------------

_HTML_ELEMENTS = frozenset(nh3.ALLOWED_TAGS) | {
    "html", "head", "body", "title", "meta", "link", "script", "style", "main", "section",
    "form", "input", "button", "iframe", "noscript", "template", "svg", "label", "select",
}  # fmt: skip
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
_MARKDOWN = re.compile(
    r"^\s{0,3}#{1,6}\s+\S"  # ATX heading
    r"|^\s{0,3}(```|~~~)"  # code fence
    r"|^\S.*\n\s{0,3}(=+|-{2,})\s*$"  # setext heading
    r"|^\s{0,3}>\s"  # block quote
    r"|\*\*[^*\n]+\*\*|__[^_\n]+__"  # bold
    r"|\[[^\]\n]+\]\([^)\s]+\)",  # link
    re.MULTILINE,
)


def detect_format(raw: str) -> TextFormat:
    if _MARKDOWN.search(raw):
        return TextFormat.MARKDOWN
    if any(m.group(1).lower() in _HTML_ELEMENTS for m in _TAG.finditer(raw)):
        return TextFormat.HTML
    return TextFormat.PLAIN


# --- HTML and Markdown ------------------------------------------------------------------

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol", "dl"})
_ITEMS = frozenset({"li", "dt", "dd"})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "blockquote", "pre", "table", "tr", "header", "footer",
    "figure", "figcaption", "hr", "aside", "details", "summary", "main", "nav", "caption",
})  # fmt: skip
_KEPT_TAGS = _HEADINGS | _LISTS | _ITEMS | _BLOCKS | {"br", "td", "th"}
# Dropped with their content: nothing in them is text a reader sees.
_DROPPED_WITH_CONTENT = {"script", "style", "head", "title", "template", "noscript", "iframe"}

_markdown = MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _BlockReader(HTMLParser):
    """Sanitised HTML → blocks. Nested lists are flattened into one list; a block inside a
    list item (a loose Markdown list's <p>) stays part of the item."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.heading = False
        self.list_depth = 0
        self.items: list[str] = []
        self.item_depth = 0

    def _flush(self) -> None:
        text = _clean("".join(self.buffer))
        self.buffer = []
        if not text:
            return
        if self.list_depth:
            self.items.append(text)
        elif self.heading:
            self.blocks.append(Block(ChunkKind.HEADING, text))
        else:
            self.blocks.append(Block(ChunkKind.PARAGRAPH, text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "td", "th"):
            self.buffer.append(" ")
        elif tag in _ITEMS:
            self._flush()
            self.item_depth += 1
        elif tag in _LISTS:
            self._flush()
            self.list_depth += 1
        elif self.item_depth:
            self.buffer.append(" ")  # a paragraph inside an item continues the item
        elif tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
            self.heading = tag in _HEADINGS

    def handle_endtag(self, tag: str) -> None:
        if tag in _ITEMS:
            self._flush()
            self.item_depth = max(0, self.item_depth - 1)
        elif tag in _LISTS:
            self._flush()
            self.list_depth = max(0, self.list_depth - 1)
            if not self.list_depth and self.items:
                self.blocks.append(list_block(self.items))
                self.items = []
        elif self.item_depth:
            self.buffer.append(" ")
        elif tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
            self.heading = False

    def handle_data(self, data: str) -> None:
        self.buffer.append(data)

    def finish(self) -> list[Block]:
        self.close()
        self._flush()
        if self.items:
            self.blocks.append(list_block(self.items))
        return self.blocks


def html_blocks(html: str) -> list[Block]:
    safe = nh3.clean(html, tags=_KEPT_TAGS, clean_content_tags=_DROPPED_WITH_CONTENT, attributes={})
    reader = _BlockReader()
    reader.feed(safe)
    return reader.finish()


def markdown_blocks(markdown: str) -> list[Block]:
    return html_blocks(_markdown.render(markdown))


# --- plain text ---------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•‣◦+]|\d{1,3}[.)])\s+(?=\S)")
_FINAL_PUNCTUATION = ".!?:;,…"
_HEADING_MAX_WORDS = 12


def plain_blocks(text: str) -> list[Block]:
    raw_blocks = [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    blocks: list[Block] = []
    for number, raw in enumerate(raw_blocks):
        lines = [line for line in raw.split("\n") if line.strip()]
        if (
            len(lines) == 1
            and number + 1 < len(raw_blocks)
            and not _BULLET.match(lines[0])
            and len(lines[0].split()) <= _HEADING_MAX_WORDS
            and _clean(lines[0])[-1] not in _FINAL_PUNCTUATION
        ):
            blocks.append(Block(ChunkKind.HEADING, _clean(lines[0])))
            continue
        paragraph: list[str] = []
        items: list[str] = []
        for line in lines:
            bullet = _BULLET.match(line)
            if bullet:
                if paragraph:
                    blocks.append(Block(ChunkKind.PARAGRAPH, _clean(" ".join(paragraph))))
                    paragraph = []
                items.append(_clean(line[bullet.end() :]))
            elif items and line[:1].isspace():
                items[-1] = _clean(f"{items[-1]} {line}")  # an item's indented continuation
            else:
                if items:
                    blocks.append(list_block(items))
                    items = []
                paragraph.append(line)
        if items:
            blocks.append(list_block(items))
        if paragraph:
            blocks.append(Block(ChunkKind.PARAGRAPH, _clean(" ".join(paragraph))))
    return blocks


# --- language ---------------------------------------------------------------------------


@functools.cache
def _detector() -> LanguageDetector:
    # Unsure between the two likeliest languages (a word or two, digits): no answer, so
    # `prepare` falls back to DEFAULT_LANGUAGE instead of a guess.
    builder = LanguageDetectorBuilder.from_languages(*LANGUAGES)
    return builder.with_minimum_relative_distance(MIN_RELATIVE_DISTANCE).build()


def normalize_language(code: str | None) -> str | None:
    """`es-MX`, `ES`, ` es_mx ` → `es`; None or blank → None."""
    base = re.split(r"[-_]", (code or "").strip().lower())[0]
    return base or None


def detect_language(text: str) -> str | None:
    """The most likely of `LANGUAGES` for the start of `text`, or None (no letters)."""
    language = _detector().detect_language_of(text[:DETECTION_SAMPLE_CHARS])
    return LANGUAGES.get(language) if language is not None else None


def confident_language(text: str, threshold: float) -> str | None:
    """The language of `text` when lingua gives it at least `threshold` (0-1), else None."""
    values = _detector().compute_language_confidence_values(text[:DETECTION_SAMPLE_CHARS])
    if values and values[0].value >= threshold:
        return LANGUAGES.get(values[0].language)
    return None


# --- the entry point --------------------------------------------------------------------


def check_length(raw: str) -> None:
    if len(raw) > MAX_TEXT_CHARS:
        raise MaterialTextError(
            "TOO_LONG", f"A material has at most {MAX_TEXT_CHARS:,} characters ({len(raw):,})."
        )


def prepare(raw: str, *, format: str | None = None, language: str | None = None) -> PreparedText:
    """Read `raw` as `format` (recognised when None) and settle its language."""
    check_length(raw)
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    kind = TextFormat(format.lower()) if format else detect_format(text)
    if kind is TextFormat.HTML:
        blocks = html_blocks(text)
    elif kind is TextFormat.MARKDOWN:
        blocks = markdown_blocks(text)
    else:
        blocks = plain_blocks(text)
    blocks = [b for b in blocks if any(ch.isalnum() for ch in b.text)]
    if not blocks:
        raise MaterialTextError("EMPTY", "The material has no text.")
    given = normalize_language(language)
    if given:
        return PreparedText(kind, tuple(blocks), given, language_detected=False)
    detected = detect_language(render(blocks))
    return PreparedText(kind, tuple(blocks), detected or DEFAULT_LANGUAGE, language_detected=True)
