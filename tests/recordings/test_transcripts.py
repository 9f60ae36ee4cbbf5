"""Client-supplied transcripts: plain `Speaker: text` lines, WebVTT and SRT into segments
with speakers and times; format detection; clear errors and limits. No database."""

from __future__ import annotations

import pytest

from rules.recordings.segments import Segment
from services.recordings.transcripts import (
    DEFAULT_SPEAKER,
    MAX_SEGMENTS,
    MAX_TRANSCRIPT_CHARS,
    TranscriptError,
    TranscriptFormat,
    detect_format,
    parse_transcript,
    split_label,
)

PLAIN = """Teacher: Hello Anna, what did you do yesterday?
Anna: I goed to the park.
And I played football with my friends.

- Teacher: Nice! Who won? Time: 10:30?
Anna:
We won, three to one.
"""

WEBVTT = """WEBVTT - a class conversation

NOTE recorded in class

00:00:01.000 --> 00:00:03.500
<v Teacher>How are <b>you</b> today?</v>

intro
00:00:04.000 --> 00:00:06.250 align:start
<v.loud Anna>I am fine,
thank you &amp; you?</v>

01:00:04.000 --> 01:00:06.000
- Teacher: Very well.
- Anna: Good.

01:00:07.000 --> 01:00:08.000
And the weather is nice.
"""

SRT = """1
00:00:01,000 --> 00:00:02,500
<i>Teacher:</i> Hello there.

2
00:00:03,000 --> 00:00:04,200
Anna: Hi!
Nice to meet you.

3
00:00:04,500 --> 00:00:05,000
How are you?
"""


def test_plain_text_speakers_and_turns() -> None:
    assert parse_transcript(PLAIN) == [
        Segment(1, "Teacher", "Hello Anna, what did you do yesterday?"),
        Segment(2, "Anna", "I goed to the park. And I played football with my friends."),
        Segment(3, "Teacher", "Nice! Who won? Time: 10:30?"),
        Segment(4, "Anna", "We won, three to one."),
    ]


def test_webvtt_voices_labels_and_times() -> None:
    segments = parse_transcript(WEBVTT)
    assert [(s.position, s.speaker, s.text, s.start_ms, s.end_ms) for s in segments] == [
        (1, "Teacher", "How are you today?", 1000, 3500),
        (2, "Anna", "I am fine, thank you & you?", 4000, 6250),
        (3, "Teacher", "Very well.", 3_604_000, 3_606_000),
        (4, "Anna", "Good.", 3_604_000, 3_606_000),
        (5, "Anna", "And the weather is nice.", 3_607_000, 3_608_000),  # continues
    ]
    assert all(s.confidence is None for s in segments)


def test_srt_labels_tags_and_times() -> None:
    assert parse_transcript(SRT) == [
        Segment(1, "Teacher", "Hello there.", 1000, 2500),
        Segment(2, "Anna", "Hi! Nice to meet you.", 3000, 4200),
        Segment(3, "Anna", "How are you?", 4500, 5000),
    ]


def test_cues_without_any_speaker_get_the_default_one() -> None:
    segments = parse_transcript("1\n00:00:00,000 --> 00:00:01,000\nHello.\n")
    assert [(s.speaker, s.text) for s in segments] == [(DEFAULT_SPEAKER, "Hello.")]


def test_format_detection() -> None:
    assert detect_format(PLAIN) is TranscriptFormat.PLAIN
    assert detect_format(WEBVTT) is TranscriptFormat.WEBVTT
    assert detect_format("\ufeff" + WEBVTT) is TranscriptFormat.WEBVTT
    assert detect_format(SRT) is TranscriptFormat.SRT
    headerless = "00:00:01.000 --> 00:00:02.000\n<v Anna>Hi</v>\n"
    assert detect_format(headerless) is TranscriptFormat.WEBVTT
    assert [(s.speaker, s.start_ms) for s in parse_transcript(headerless)] == [("Anna", 1000)]


def test_byte_order_marks_and_windows_line_ends() -> None:
    windows = "\ufeff" + SRT.replace("\n", "\r\n")
    assert parse_transcript(windows) == parse_transcript(SRT)
    assert parse_transcript(PLAIN.replace("\n", "\r\n")) == parse_transcript(PLAIN)


def test_an_explicit_format_wins() -> None:
    with pytest.raises(TranscriptError, match="Line 1 has no speaker"):
        parse_transcript(SRT, TranscriptFormat.PLAIN)
    with pytest.raises(TranscriptError, match="Not a valid SRT transcript"):
        parse_transcript(PLAIN, TranscriptFormat.SRT)
    assert parse_transcript(WEBVTT, TranscriptFormat.WEBVTT)[0].speaker == "Teacher"


def test_labels() -> None:
    assert split_label("Anna: Hello") == ("Anna", "Hello")
    assert split_label("– Student  2 : Yes") == ("Student 2", "Yes")  # noqa: RUF001
    assert split_label("Mary Ann Smith: Hi") == ("Mary Ann Smith", "Hi")
    for line in (
        "see http://example.com",
        "And then it was great: we won",  # more than four words before the colon
        "Yes. Then: we left",  # sentence punctuation
        "10:30 is the time",  # starts with a digit
        "No label here",
    ):
        assert split_label(line) == (None, line)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The transcript is empty."),
        ("  \n\n ", "The transcript is empty."),
        ("Hello there\nAnna: Hi", "Line 1 has no speaker"),
        ("Anna:\n\n", "The transcript has no text."),
        ("1\n00:00:05,000 --> 00:00:01,000\nBackwards\n", "Cue 1 ends before it starts."),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards\n", "Cue 1 ends before it starts."),
        ("1\n00:00:01,000 --> 00:00:02,000\nOK\n\n2\n00:00:03 --> 4\nX\n", "near “2 00:00:03"),
        ("WEBVTT\n\nno cues here\n", "it has no cues"),
        ("WEBVTT\n\n00:00:01.000 --> soon\nHi\n", "Not a valid WebVTT transcript"),
    ],
)
def test_unreadable_transcripts_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(TranscriptError, match=message) as raised:
        parse_transcript(text)
    assert isinstance(raised.value, ValueError)
    assert raised.value.message == str(raised.value)


def test_limits() -> None:
    with pytest.raises(TranscriptError, match="longer than 1,000,000 characters"):
        parse_transcript("Anna: " + "a" * MAX_TRANSCRIPT_CHARS)
    lines = "\n".join(f"{'AB'[i % 2]}: turn {i}" for i in range(MAX_SEGMENTS + 1))
    with pytest.raises(TranscriptError, match="more than 5,000 segments"):
        parse_transcript(lines)
    times = [f"00:00:{i // 1000:02d},{i % 1000:03d}" for i in range(1, MAX_SEGMENTS + 2)]
    cues = "\n".join(f"{i}\n{t} --> {t}\nA: x\n" for i, t in enumerate(times, start=1))
    with pytest.raises(TranscriptError, match="more than 5,000 segments"):
        parse_transcript(cues)
    assert len(parse_transcript("\n".join(lines.split("\n")[:MAX_SEGMENTS]))) == MAX_SEGMENTS
