"""The local study-material generator on real prose in English and Spanish (each with
headings, paragraphs and a list): chunk boundaries, well-formed assets taken from the text,
computed scores, input formats, the length limit, and determinism."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.settings import Settings
from services.generator import build_generator, nlp
from services.generator.base import (
    BLANK,
    AssetType,
    ChunkKind,
    Generation,
    MaterialTextError,
    Source,
)
from services.generator.local import CHUNK_MAX_WORDS, LocalGenerator
from services.generator.text import MAX_TEXT_CHARS, TextFormat, prepare

ENGLISH = """\
# The Water Cycle

Water moves constantly between the oceans, the atmosphere and the land. This continuous \
movement is called the water cycle, and it is powered mainly by energy from the sun. Without \
it, fresh water would not reach the rivers, lakes and forests that depend on rain.

The cycle begins with evaporation. When sunlight warms the surface of the ocean, liquid water \
turns into water vapour and rises into the air. Plants add more vapour through transpiration, \
releasing moisture from tiny pores in their leaves. As the warm, moist air rises, it cools, \
and the vapour condenses into droplets that form clouds.

## Precipitation and runoff

When the droplets in a cloud grow heavy enough, they fall back to the ground as \
precipitation. Depending on the temperature, precipitation may arrive as rain, snow, sleet or \
hail. Some of this water soaks into the soil and becomes groundwater, which can remain \
underground for thousands of years. The rest flows over the surface as runoff, filling \
streams and rivers that eventually carry it back to the sea.

The main stages of the cycle are:

- Evaporation: the sun heats water and turns it into vapour.
- Condensation: vapour cools and forms clouds.
- Precipitation: water falls as rain, snow or hail.
- Collection: water gathers in oceans, lakes and groundwater.

Scientists study the water cycle to predict droughts and floods. Dr. Lee, a hydrologist, \
measured a 2.5 percent rise in annual rainfall in the region. Such changes affect farmers, \
cities and wildlife alike.
"""

SPANISH = """\
# El café

El café es una de las bebidas más populares del mundo. Se prepara con las semillas tostadas \
del cafeto, un arbusto originario de Etiopía. Según una antigua leyenda, un pastor descubrió \
sus efectos cuando vio que sus cabras estaban inquietas después de comer los frutos rojos de \
la planta.

Desde África, el cultivo del café se extendió a la península arábiga y, más tarde, a Europa y \
América. En el siglo XVIII, los colonos llevaron las plantas a las islas del Caribe y a \
Brasil, que hoy es el mayor productor del mundo. El clima tropical, con lluvias abundantes y \
temperaturas suaves, favorece el crecimiento de los cafetos.

## Del grano a la taza

La cosecha se hace a mano en muchas regiones, porque los frutos no maduran al mismo tiempo. \
Después, los granos se secan al sol o se lavan con agua para separar la pulpa. El tostado \
transforma el color y el aroma de las semillas: un tostado ligero conserva la acidez, \
mientras que un tostado oscuro produce un sabor más amargo.

Los pasos principales son:

- La cosecha de los frutos maduros.
- El secado de los granos al sol.
- El tostado en grandes hornos.
- La molienda justo antes de preparar la bebida.

El Sr. García, un agricultor de Colombia, vende cada año unos 3.500 kilos de café. Su familia \
cultiva el grano desde hace tres generaciones. Para ellos, una buena taza de café es el \
resultado de mucho trabajo y paciencia.
"""


def _html_block(block: str) -> str:
    if block.startswith("# "):
        return f"<h1>{block[2:]}</h1>"
    if block.startswith("## "):
        return f"<h2 class='sub'>{block[3:]}</h2>"
    if block.startswith("- "):
        return "<ul>" + "".join(f"<li>{item[2:]}</li>" for item in block.split("\n")) + "</ul>"
    return f'<p onclick="steal()">{" ".join(block.split())}</p>'


# The English text as a web page would have it: attributes, a script, a style, a title.
ENGLISH_HTML = (
    "<html><head><title>Cycle</title><style>p { color: blue }</style></head><body>"
    + "".join(_html_block(b) for b in ENGLISH.strip().split("\n\n"))
    + "<script>alert('the water cycle')</script></body></html>"
)

KINDS = [
    ChunkKind.HEADING,
    ChunkKind.PARAGRAPH,
    ChunkKind.PARAGRAPH,
    ChunkKind.HEADING,
    ChunkKind.PARAGRAPH,
    ChunkKind.PARAGRAPH,
    ChunkKind.LIST,
    ChunkKind.PARAGRAPH,
]


def generate(text: str, **options: str) -> Generation:
    return LocalGenerator().run(Source(text, **options))


@pytest.fixture(scope="module")
def english() -> Generation:
    return generate(ENGLISH)


@pytest.fixture(scope="module")
def spanish() -> Generation:
    return generate(SPANISH)


@pytest.fixture(scope="module", params=["english", "spanish"])
def made(request: pytest.FixtureRequest) -> Generation:
    return request.getfixturevalue(str(request.param))


def test_chunks_follow_headings_paragraphs_and_lists(
    english: Generation, spanish: Generation
) -> None:
    for made, first, list_items in (
        (english, "The Water Cycle", 4),
        (spanish, "El café", 4),
    ):
        assert [c.kind for c in made.chunks] == KINDS
        assert [c.index for c in made.chunks] == list(range(len(KINDS)))
        assert made.chunks[0].content == first
        listing = made.chunks[6].content.split("\n")
        assert len(listing) == list_items and all(line.startswith("- ") for line in listing)
        assert sum(c.word_count for c in made.chunks) == made.word_count
    assert english.chunks[1].content.startswith("Water moves constantly")
    assert english.chunks[1].content.endswith("that depend on rain.")
    assert english.chunks[3].content == "Precipitation and runoff"
    assert (
        english.chunks[6].content.split("\n")[1] == "- Condensation: vapour cools and forms clouds."
    )
    assert spanish.chunks[3].content == "Del grano a la taza"
    assert spanish.chunks[7].content.startswith("El Sr. García, un agricultor de Colombia")
    assert spanish.chunks[1].word_count == 49


def test_a_long_paragraph_is_split_at_sentence_boundaries() -> None:
    paragraphs = [b for b in ENGLISH.split("\n\n") if b[:1].isalpha() and not b.endswith(":")]
    long = " ".join(" ".join(p.split()) for p in paragraphs * 2)
    assert nlp.word_count(long) > 2 * CHUNK_MAX_WORDS
    chunks = generate(long, language="en").chunks
    assert len(chunks) >= 3 and {c.kind for c in chunks} == {ChunkKind.PARAGRAPH}
    assert " ".join(c.content for c in chunks) == long
    for chunk in chunks:
        assert chunk.word_count <= CHUNK_MAX_WORDS
        assert chunk.content.endswith(".")
        assert chunk.content[0].isupper()


def test_text_without_sentence_punctuation_is_cut_between_words() -> None:
    words = [w.strip(".,:") for w in ENGLISH.split() if w[0].isalpha()]
    transcript = " ".join(words)
    chunks = generate(transcript, language="en").chunks
    assert len(chunks) == -(-len(words) // CHUNK_MAX_WORDS)
    assert all(c.word_count <= CHUNK_MAX_WORDS for c in chunks)
    assert " ".join(c.content for c in chunks) == transcript


def test_sentences_keep_abbreviations_and_decimals() -> None:
    assert nlp.sentences("Dr. Lee measured a 2.5 percent rise. It rained.", "en") == [
        "Dr. Lee measured a 2.5 percent rise.",
        "It rained.",
    ]
    assert nlp.sentences("El Sr. García vende 3.500 kilos. ¿Y la Dra. López? No.", "es") == [
        "El Sr. García vende 3.500 kilos.",
        "¿Y la Dra. López?",
        "No.",
    ]


def test_each_material_makes_every_kind_of_asset(made: Generation) -> None:
    kinds = {a.type for a in made.assets}
    assert kinds == set(AssetType)
    assert len([a for a in made.assets if a.type is AssetType.FLASHCARD]) >= 6
    assert all(a.generator == "local" and a.parameters["version"] == 1 for a in made.assets)
    json.dumps(made.to_json())  # JSON-able throughout


def test_every_cloze_answer_occurs_in_its_chunk(made: Generation) -> None:
    clozes = [a for a in made.assets if a.type is AssetType.CLOZE]
    assert clozes
    for cloze in clozes:
        assert cloze.chunk_index is not None
        chunk = made.chunks[cloze.chunk_index].content
        answer, sentence, text = (cloze.content[k] for k in ("answer", "sentence", "text"))
        assert answer in sentence and sentence in chunk and answer in chunk
        assert text.count(BLANK) == 1
        assert text.replace(BLANK, answer) == sentence
        assert nlp.word_count(sentence) >= 4


def test_flashcards_show_a_key_term_in_its_sentence(made: Generation) -> None:
    fronts = []
    for card in (a for a in made.assets if a.type is AssetType.FLASHCARD):
        front, back, lemma = card.content["front"], card.content["back"], card.content["lemma"]
        assert card.chunk_index is not None and back in made.chunks[card.chunk_index].content
        assert front.casefold() in back.casefold() and lemma
        fronts.append(front.casefold())
    assert len(fronts) == len(set(fronts))  # each term is taught once


def test_names_numbers_and_stop_words_are_not_taught(
    english: Generation, spanish: Generation
) -> None:
    fronts = {
        a.content["front"].casefold()
        for made in (english, spanish)
        for a in made.assets
        if a.type is AssetType.FLASHCARD
    }
    assert not fronts & {"lee", "dr", "garcía", "colombia", "etiopía", "brasil", "the", "los"}
    assert all(nlp.is_plain_word(word) for front in fronts for word in front.split())
    assert {"evaporation", "precipitation"} <= fronts
    assert {"bebidas", "cosecha"} <= fronts


def test_quiz_distractors_are_other_terms_never_the_answer(made: Generation) -> None:
    questions = [a for a in made.assets if a.type is AssetType.QUIZ_QUESTION]
    assert len(questions) >= 4
    for question in questions:
        options, answer = question.content["options"], question.content["answer"]
        prompt, explanation = question.content["prompt"], question.content["explanation"]
        assert len(options) == 4 and isinstance(answer, int) and 0 <= answer < 4
        assert len({o.casefold() for o in options}) == 4  # no duplicates, the answer once
        assert prompt.replace(BLANK, options[answer]) == explanation
        assert explanation in made.chunks[question.chunk_index or 0].content
        right = options[answer].casefold()
        lemmas = {nlp.term_lemma(o.casefold(), made.language) for o in options}
        assert len(lemmas) == 4  # no distractor is a form of the answer
        for wrong in (o for i, o in enumerate(options) if i != answer):
            assert wrong.casefold() != right
            assert nlp.term_pattern(wrong).search(made.text)  # a term of this material
            assert len(wrong.split()) == len(right.split())
    # The right option is not always in the same place.
    assert len({q.content["answer"] for q in questions}) > 1


def test_summaries_are_sentences_of_the_text(made: Generation) -> None:
    summaries = [a for a in made.assets if a.type is AssetType.SUMMARY]
    assert len(summaries) == 1 and summaries[0].chunk_index is None
    content = summaries[0].content
    assert content["sentences"] and content["text"] == " ".join(content["sentences"])
    assert all(s in made.text for s in content["sentences"])
    positions = [made.text.index(s) for s in content["sentences"]]
    assert positions == sorted(positions)  # in the text's order
    for chunk in made.chunks:
        assert chunk.summary
        assert all(s in chunk.content for s in nlp.sentences(chunk.summary, made.language))


def test_scores_are_computed_and_in_range(made: Generation) -> None:
    assert all(0 <= a.quality <= 1 and 1 <= a.difficulty <= 10 for a in made.assets)
    assert len({a.quality for a in made.assets}) > 3
    assert len({a.difficulty for a in made.assets}) > 1
    assert 1 <= made.difficulty <= 10
    relevance = [c.relevance for c in made.chunks]
    assert all(0 <= r <= 1 for r in relevance) and max(relevance) == 1.0
    assert len(set(relevance)) > 3


def test_rarer_words_are_harder() -> None:
    made = generate(ENGLISH)
    cards = {a.content["front"]: a for a in made.assets if a.type is AssetType.FLASHCARD}
    # Same sentence: "precipitation" is a much rarer word than "cloud".
    assert cards["precipitation"].difficulty > cards["cloud"].difficulty


def test_language_is_detected_unless_given(english: Generation, spanish: Generation) -> None:
    assert (english.language, english.language_detected) == ("en", True)
    assert (spanish.language, spanish.language_detected) == ("es", True)
    assert {c.language for c in spanish.chunks} == {"es"}
    given = generate(SPANISH, language="es-MX")
    assert (given.language, given.language_detected) == ("es", False)
    # A paragraph in another language keeps its own; a short text falls back to English.
    english_paragraph = ENGLISH.split("\n\n")[1]
    mixed = generate(f"{SPANISH}\n\n{english_paragraph}")
    assert mixed.language == "es" and mixed.chunks[-1].language == "en"
    assert {c.language for c in mixed.chunks[:-1]} == {"es"}
    assert generate("Hola").language == "en"


def test_the_output_is_deterministic(english: Generation) -> None:
    assert generate(ENGLISH).to_json() == english.to_json()
    # Another process with another string hash seed (set and dict orders change with it).
    script = (
        "import json, sys\n"
        "from services.generator.base import Source\n"
        "from services.generator.local import LocalGenerator\n"
        "made = LocalGenerator().run(Source(sys.stdin.read()))\n"
        "print(json.dumps(made.to_json()))\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(root)}
    other = subprocess.run(
        [sys.executable, "-c", script], input=ENGLISH, capture_output=True, text=True,
        env=env, cwd=root, check=True, timeout=120,
    )  # fmt: skip
    assert json.loads(other.stdout) == english.to_json()


def test_markdown_and_html_reduce_to_the_same_text() -> None:
    markdown, html = prepare(ENGLISH), prepare(ENGLISH_HTML)
    assert (markdown.format, html.format) == (TextFormat.MARKDOWN, TextFormat.HTML)
    assert markdown.blocks == html.blocks
    assert html.text == markdown.text
    assert "alert" not in html.text and "color" not in html.text and "steal" not in html.text
    assert html.text.startswith("The Water Cycle\n\nWater moves")  # the <title> is no text
    # The reduced text read again as plain text keeps its structure.
    again = prepare(markdown.text)
    assert again.format is TextFormat.PLAIN and again.blocks == markdown.blocks
    made_md, made_html = generate(ENGLISH), generate(ENGLISH_HTML)
    assert made_md.chunks == made_html.chunks and made_md.assets == made_html.assets


def test_html_is_sanitised_to_text() -> None:
    html = (
        '<p>Fish &amp; chips <img src=x onerror="alert(1)"> are <b>popular</b>'
        "<iframe>hidden</iframe> in Britain.</p>"
    )
    prepared = prepare(html)
    assert prepared.format is TextFormat.HTML
    assert prepared.text == "Fish & chips are popular in Britain."
    assert prepare("Is 3 < 4 and 5 > 2? Yes.").format is TextFormat.PLAIN


def test_plain_text_keeps_its_paragraphs_lists_and_headings() -> None:
    plain = "Shopping\n\nWe need a few things:\n- bread\n- milk\n  from the farm\n\nThat is all."
    blocks = prepare(plain, language="en").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (ChunkKind.HEADING, "Shopping"),
        (ChunkKind.PARAGRAPH, "We need a few things:"),
        (ChunkKind.LIST, "- bread\n- milk from the farm"),
        (ChunkKind.PARAGRAPH, "That is all."),
    ]


def test_the_length_limit_and_empty_input() -> None:
    sentence = "The river carries water to the sea. "
    at_limit = (sentence * (MAX_TEXT_CHARS // len(sentence) + 1))[:MAX_TEXT_CHARS]
    assert len(prepare(at_limit, language="en").text) > 0
    with pytest.raises(MaterialTextError) as too_long:
        prepare(at_limit + "x")
    assert too_long.value.code == "TOO_LONG"
    for empty in ("", "   \n\n ", "<p> </p><script>alert(1)</script>", "- \n* ", "...!"):
        with pytest.raises(MaterialTextError) as error:
            generate(empty)
        assert error.value.code == "EMPTY"


async def test_the_configured_engine_is_the_local_one() -> None:
    settings = dataclasses.replace(Settings(), generator_engine="local")
    engine = build_generator(settings)
    assert isinstance(engine, LocalGenerator) and engine.name == "local"
    made = await engine.generate(Source(SPANISH))
    assert made.to_json() == generate(SPANISH).to_json()
    with pytest.raises(ValueError):
        build_generator(dataclasses.replace(settings, generator_engine="oracle"))
