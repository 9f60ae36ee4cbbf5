"""Transcripts a client supplies with a recording: plain text, WebVTT or SRT, into segments.

- Formats. Plain text: one turn per `Speaker: text` line; a line without a label continues
  the turn before it; blank lines are ignored; text before the first label is refused. A
  label is 1-40 characters starting with a letter, at most 4 words, without sentence
  punctuation, and may follow a dialogue dash ("- Anna: Hi"). Plain text has no times.
  WebVTT (parsed by webvtt-py) and SRT (by srt): one segment per cue with its start and end
  in milliseconds; the speaker is the cue's voice (`<v Anna>`) or a `Speaker:` label opening
  a line (a cue with several labelled lines gives one segment per line, sharing its times);
  a cue without either continues the previous cue's speaker, and the first ones are
  `DEFAULT_SPEAKER`. Markup tags are removed, white space collapsed, and segments left
  without text dropped. Confidence is None: a person wrote the transcript.
- Detection when no format is given: a "WEBVTT" header is WebVTT; a cue index followed by an
  `hh:mm:ss,mmm --> ...` line is SRT; other timing lines ("-->") are WebVTT without its
  header; anything else is plain text.
- Limits: `MAX_TRANSCRIPT_CHARS` (1,000,000 characters) and `MAX_SEGMENTS` (5,000).
- Errors: `TranscriptError` (a ValueError) with a message for the person who sent it: empty,
  too long, too many segments, unparseable (with where), a cue ending before it starts, or no
  segment with text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from enum import Enum

import srt  # type: ignore[import-untyped]  # ships no type information
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from rules.recordings.segments import Segment

MAX_TRANSCRIPT_CHARS = 1_000_000
MAX_SEGMENTS = 5_000
MAX_LABEL_CHARS = 40
MAX_LABEL_WORDS = 4
DEFAULT_SPEAKER = "Speaker 1"

# "Anna: Hello", "- Student 2: Yes": a label opening the line, then a colon and a space.
_LABEL = re.compile(
    r"^\s*(?:[-\u2013\u2014]\s*)?"  # a dialogue dash
    r"(?P<label>[^\W\d_][^:.!?;\n]{0,39}?)\s*:(?:\s+|$)(?P<text>.*)$"
)
_TAG = re.compile(r"<[^>]*>")
_VOICE = re.compile(r"^\s*<v(?:\.[^\s>]*)?\s+(?P<name>[^>]+)>")
_SRT_START = re.compile(r"\A\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_TIMING = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*-->", re.MULTILINE)


class TranscriptFormat(str, Enum):
    PLAIN = "plain"
    WEBVTT = "webvtt"
    SRT = "srt"


class TranscriptError(ValueError):
    """The transcript cannot be read; the message says why, for the person who sent it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def detect_format(text: str) -> TranscriptFormat:
    body = text.lstrip("\ufeff").lstrip()
    if body.startswith("WEBVTT"):
        return TranscriptFormat.WEBVTT
    if _SRT_START.match(body):
        return TranscriptFormat.SRT
    if _TIMING.search(body):
        return TranscriptFormat.WEBVTT
    return TranscriptFormat.PLAIN


def parse_transcript(text: str, format: TranscriptFormat | None = None) -> list[Segment]:
    """The segments of a transcript, in order, positions from 1."""
    if len(text) > MAX_TRANSCRIPT_CHARS:
        raise TranscriptError(f"The transcript is longer than {MAX_TRANSCRIPT_CHARS:,} characters.")
    body = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise TranscriptError("The transcript is empty.")
    kind = format or detect_format(body)
    if kind is TranscriptFormat.PLAIN:
        pieces = _plain(body)
    elif kind is TranscriptFormat.WEBVTT:
        pieces = _webvtt(body)
    else:
        pieces = _srt(body)
    segments = [
        Segment(position=i, speaker=speaker, text=words, start_ms=start, end_ms=end)
        for i, (speaker, words, start, end) in enumerate(
            ((s, t, a, b) for s, t, a, b in pieces if t), start=1
        )
    ]
    if not segments:
        raise TranscriptError("The transcript has no text.")
    if len(segments) > MAX_SEGMENTS:
        raise TranscriptError(f"The transcript has more than {MAX_SEGMENTS:,} segments.")
    return segments


Piece = tuple[str, str, int | None, int | None]  # speaker, text, start, end


def clean(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def split_label(line: str) -> tuple[str | None, str]:
    """("Anna", "Hello") from "Anna: Hello"; (None, line) when the line has no label."""
    found = _LABEL.match(line)
    if found is None or len(found["label"].split()) > MAX_LABEL_WORDS:
        return None, line
    return " ".join(found["label"].split())[:MAX_LABEL_CHARS], found["text"]


def _plain(body: str) -> list[Piece]:
    turns: list[list[str]] = []  # [speaker, text...]
    for number, line in enumerate(body.split("\n"), start=1):
        if not line.strip():
            continue
        label, said = split_label(clean(line))
        if label is not None:
            turns.append([label, said])
        elif turns:
            turns[-1].append(said)
        else:
            raise TranscriptError(
                f"Line {number} has no speaker: start each turn with the speaker's name and a "
                "colon, as in “Anna: Hello”."
            )
        if len(turns) > MAX_SEGMENTS:
            raise TranscriptError(f"The transcript has more than {MAX_SEGMENTS:,} segments.")
    return [(t[0], clean(" ".join(t[1:])), None, None) for t in turns]


def _cue_pieces(lines: Iterable[str], previous: str, start: int, end: int) -> list[Piece]:
    """A cue's lines as pieces: a voice span or a label opens a piece, other lines continue
    the open one (or `previous`'s, at the start of the cue)."""
    pieces: list[list[str]] = []
    for raw in lines:
        voice = _VOICE.match(raw)
        if voice is not None and clean(voice["name"]):
            speaker: str | None = clean(voice["name"])[:MAX_LABEL_CHARS]
            said = clean(raw)
        else:
            speaker, said = split_label(clean(raw))
        if speaker is not None:
            pieces.append([speaker, said])
        elif pieces:
            pieces[-1].append(said)
        else:
            pieces.append([previous, said])
    return [(p[0], clean(" ".join(p[1:])), start, end) for p in pieces]


def _check_times(cue: int, start: int, end: int) -> None:
    if start < 0 or end < start:
        raise TranscriptError(f"Cue {cue} ends before it starts.")


def _webvtt(body: str) -> list[Piece]:
    if not body.startswith("WEBVTT"):
        body = "WEBVTT\n\n" + body
    try:
        captions = webvtt.from_string(body).captions
    except (MalformedFileError, MalformedCaptionError, ValueError) as error:
        raise TranscriptError(f"Not a valid WebVTT transcript: {error}.") from error
    if not captions:
        raise TranscriptError("Not a valid WebVTT transcript: it has no cues.")
    pieces: list[Piece] = []
    previous = DEFAULT_SPEAKER
    for number, caption in enumerate(captions, start=1):
        start, end = caption.start_time.in_milliseconds(), caption.end_time.in_milliseconds()
        _check_times(number, start, end)
        found = _cue_pieces(caption.raw_text.split("\n"), previous, start, end)
        pieces.extend(found)
        previous = found[-1][0] if found else previous
    return pieces


def _srt(body: str) -> list[Piece]:
    try:
        subtitles = list(srt.parse(body))
    except srt.SRTParseError as error:
        near = " ".join(str(error.unmatched_content).split())[:60]
        raise TranscriptError(f"Not a valid SRT transcript, near “{near}”.") from error
    except ValueError as error:
        raise TranscriptError(f"Not a valid SRT transcript: {error}.") from error
    pieces: list[Piece] = []
    previous = DEFAULT_SPEAKER
    for number, subtitle in enumerate(subtitles, start=1):
        start = round(subtitle.start.total_seconds() * 1000)
        end = round(subtitle.end.total_seconds() * 1000)
        _check_times(number, start, end)
        found = _cue_pieces(str(subtitle.content).split("\n"), previous, start, end)
        pieces.extend(found)
        previous = found[-1][0] if found else previous
    if not subtitles:
        raise TranscriptError("Not a valid SRT transcript: it has no subtitles.")
    return pieces
