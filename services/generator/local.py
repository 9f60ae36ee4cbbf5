"""The default generator: offline and deterministic (the same input always gives the same
output, in any process), built on simplemma, YAKE and wordfreq (see nlp.py).

Chunks follow the structure: each heading, paragraph and list is a chunk; a paragraph (or
list) of more than `CHUNK_MAX_WORDS` words is split at sentence (item) boundaries into
chunks of at most that many words (a longer "sentence", from text without sentence
punctuation, is cut between words). A chunk's language is the material's unless the chunk
has `CHUNK_LANGUAGE_MIN_WORDS` words or more and lingua is at least
`CHUNK_LANGUAGE_CONFIDENCE` sure it is another one.

Key terms: YAKE's terms of each chunk, kept when every word is a plain word (letters only)
and no stop word; a two-word term only when it recurs in the material; not a name (always
capitalised, also inside sentences, in a language that does not capitalise its nouns) nor
an acronym. Two forms of one word are one term (the same lemmas). A term is taught when its
wordfreq frequency is inside `TEACH_ZIPF`: neither among the commonest words of the language
nor unknown to it. Each chunk teaches up to one term per `WORDS_PER_TERM` words (at most
`MAX_TERMS_PER_CHUNK`), best first (YAKE's score, mid-frequency words preferred), each term
once in the material and never one sharing a word with a term already taught.

For each taught term: a FLASHCARD (the term and the chunk's sentence that best shows it), a
CLOZE (that sentence, which must contain the term exactly once and have at least
`MIN_SENTENCE_WORDS` words, with the term blanked) and a QUIZ_QUESTION (preferably another
sentence of the chunk; wrong options from assets.distractors). Summaries are extractive: a
sentence's score is the key-term weight its lemmas cover, divided by the square root of its
length; the best ones are kept in the text's order (one per four sentences of a chunk, at
most three; for the material one per seven sentences, at most seven).
"""

from __future__ import annotations

import asyncio
import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rules.words import lemma, zipf
from services.generator import assets, nlp, text
from services.generator.assets import Term
from services.generator.base import Asset, Chunk, ChunkKind, Generation, Source

VERSION = 1
CHUNK_MAX_WORDS = 180
CHUNK_LANGUAGE_MIN_WORDS = 12
CHUNK_LANGUAGE_CONFIDENCE = 0.9
TEACH_ZIPF = (1.0, 6.0)
WORDS_PER_TERM = 40
MAX_TERMS_PER_CHUNK = 4
MIN_SENTENCE_WORDS = 4
KEYWORDS_PER_CHUNK = 20
MATERIAL_KEYWORDS = 30
# German writes every noun capitalised, so a capital says nothing about names there.
CAPITALISED_NOUNS = frozenset({"de", "lb"})


@dataclass
class _Piece:
    """A chunk being built: its text and its sentences (a list's items, split)."""

    kind: ChunkKind
    content: str
    sentences: list[str]
    language: str
    lemmas: list[frozenset[str]]  # per sentence, casefolded
    words: int


def _pack(units: Sequence[tuple[str, list[str]]], limit: int) -> list[list[tuple[str, list[str]]]]:
    """Consecutive units (a sentence or a list item, with its sentences) in groups of at most
    `limit` words; a unit longer than that is a group of its own."""
    groups: list[list[tuple[str, list[str]]]] = [[]]
    size = 0
    for unit in units:
        count = nlp.word_count(unit[0])
        if groups[-1] and size + count > limit:
            groups.append([])
            size = 0
        groups[-1].append(unit)
        size += count
    return [g for g in groups if g]


def _windows(sentence: str) -> list[str]:
    """A "sentence" longer than a chunk (text without sentence punctuation: a transcript, a
    word list) cut between words into pieces of at most CHUNK_MAX_WORDS."""
    tokens = sentence.split()
    if len(tokens) <= CHUNK_MAX_WORDS:
        return [sentence]
    return [
        " ".join(tokens[i : i + CHUNK_MAX_WORDS]) for i in range(0, len(tokens), CHUNK_MAX_WORDS)
    ]


def _pieces(blocks: Sequence[text.Block], language: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    for block in blocks:
        if block.kind is ChunkKind.HEADING:
            groups = [[(block.text, [block.text])]]
        elif block.kind is ChunkKind.LIST:
            items = [piece for item in block.items for piece in _windows(item)]
            units = [(item, nlp.sentences(item, language) or [item]) for item in items]
            groups = _pack(units, CHUNK_MAX_WORDS)
        else:
            sentences = [w for s in nlp.sentences(block.text, language) for w in _windows(s)]
            groups = _pack([(s, [s]) for s in sentences], CHUNK_MAX_WORDS)
        for group in groups:
            if block.kind is ChunkKind.LIST:
                content = "\n".join(f"- {unit}" for unit, _ in group)
            else:
                content = " ".join(unit for unit, _ in group)
            sentences = [s for _, parts in group for s in parts]
            size = nlp.word_count(content)
            own = language
            if block.kind is not ChunkKind.HEADING and size >= CHUNK_LANGUAGE_MIN_WORDS:
                own = text.confident_language(content, CHUNK_LANGUAGE_CONFIDENCE) or language
            lemmas = [frozenset(lemma(w, own).casefold() for w in nlp.words(s)) for s in sentences]
            pieces.append(_Piece(block.kind, content, sentences, own, lemmas, size))
    return pieces


class _Vocabulary:
    """How the material writes its words: capitalisation inside sentences, and pairs."""

    def __init__(self, pieces: Sequence[_Piece]) -> None:
        self.lower: Counter[str] = Counter()
        self.capital_inside: Counter[str] = Counter()
        self.pairs: Counter[str] = Counter()
        for piece in pieces:
            for sentence in piece.sentences:
                tokens = nlp.words(sentence)
                for position, token in enumerate(tokens):
                    folded = token.casefold()
                    if token[:1].islower():
                        self.lower[folded] += 1
                    elif position:
                        self.capital_inside[folded] += 1
                for a, b in itertools.pairwise(tokens):
                    self.pairs[f"{a.casefold()} {b.casefold()}"] += 1

    def is_name(self, word: str, language: str) -> bool:
        if language in CAPITALISED_NOUNS:
            return False
        folded = word.casefold()
        return self.lower[folded] == 0 and self.capital_inside[folded] > 0

    def shown(self, term: str) -> str:
        """Lowercase unless the material only writes it capitalised inside sentences."""
        words = term.split()
        return " ".join(
            w
            if self.lower[w.casefold()] == 0
            and w[:1].isupper()
            and self.capital_inside[w.casefold()]
            else w.casefold()
            for w in words
        )


def _candidate(
    keyword: nlp.Keyword, piece: _Piece, index: int, vocabulary: _Vocabulary
) -> Term | None:
    parts = keyword.term.split()
    language = piece.language
    stop = nlp.stopwords(language)
    if (
        len(keyword.term) < 3
        or not all(nlp.is_plain_word(w) and w.casefold() not in stop for w in parts)
        or any(w.isupper() and len(w) > 1 for w in parts)  # an acronym
        or any(vocabulary.is_name(w, language) for w in parts)
        or (len(parts) == 2 and vocabulary.pairs[keyword.term.casefold()] < 2)
    ):
        return None
    shown = vocabulary.shown(keyword.term)
    key = nlp.term_lemma(shown, language)
    return Term(shown, key, keyword.score, zipf(shown, language), index)


def _teach_rank(term: Term) -> tuple[float, str]:
    # Mid-frequency words first: very common and very rare ones are a weaker first choice.
    penalty = 1 + 0.3 * max(0.0, 3.0 - term.zipf) + 0.5 * max(0.0, term.zipf - 5.0)
    return (round(term.score * penalty, 9), term.text)


def _spans(term: Term, sentences: Sequence[str]) -> list[tuple[str, tuple[int, int]]]:
    """The sentences that contain the term exactly once, best fit for a card first."""
    found = []
    for sentence in sentences:
        matches = list(nlp.occurrences(term.text, sentence))
        if len(matches) == 1:
            found.append((sentence, matches[0].span()))
    return sorted(found, key=lambda f: -assets.sentence_fit(nlp.word_count(f[0])))


def _extract(
    sentences: Sequence[str],
    lemmas: Sequence[frozenset[str]],
    weights: dict[str, float],
    count: int,
) -> list[int]:
    """The indices of the `count` best sentences, in the text's order."""

    def score(i: int) -> float:
        covered = sum(w for key, w in weights.items() if set(key.split()) <= lemmas[i])
        return covered / math.sqrt(max(1, nlp.word_count(sentences[i])))

    best = sorted(range(len(sentences)), key=lambda i: (-round(score(i), 9), i))[:count]
    return sorted(best)


def _key_terms(pieces: Sequence[_Piece]) -> tuple[list[list[Term]], list[Term]]:
    """Each chunk's candidate terms (one per lemma key), and the material's, best first
    (a term's best score over its chunks, and the first chunk it is a key term of)."""
    vocabulary = _Vocabulary(pieces)
    per_chunk: list[list[Term]] = []
    material: dict[str, Term] = {}
    for index, piece in enumerate(pieces):
        found: dict[str, Term] = {}
        if piece.kind is not ChunkKind.HEADING:
            for keyword in nlp.keywords(piece.content, piece.language, KEYWORDS_PER_CHUNK):
                term = _candidate(keyword, piece, index, vocabulary)
                if term is not None and term.key not in found:
                    found[term.key] = term
        per_chunk.append(list(found.values()))
        for term in found.values():
            known = material.get(term.key)
            if known is None or term.score < known.score:
                first = known.chunk_index if known else index
                material[term.key] = replace(term, chunk_index=first)
    return per_chunk, sorted(material.values(), key=lambda t: (t.score, t.text))


def _teach(
    pieces: Sequence[_Piece],
    per_chunk: Sequence[Sequence[Term]],
    pool: Sequence[Term],
    generator: str,
    parameters: dict[str, object],
) -> list[Asset]:
    """Flashcards, clozes and quiz questions for the terms each chunk teaches."""
    made: list[Asset] = []
    taught_words: set[str] = set()
    for index, (piece, terms) in enumerate(zip(pieces, per_chunk, strict=True)):
        limit = min(MAX_TERMS_PER_CHUNK, 1 + piece.words // WORDS_PER_TERM)
        chosen = 0
        for term in sorted(terms, key=_teach_rank):
            if chosen == limit:
                break
            if not TEACH_ZIPF[0] <= term.zipf <= TEACH_ZIPF[1] or term.lemma_words & taught_words:
                continue
            spans = _spans(term, piece.sentences)
            usable = [s for s in spans if nlp.word_count(s[0]) >= MIN_SENTENCE_WORDS]
            if not usable:
                continue
            chosen += 1
            taught_words |= term.lemma_words
            sentence, span = usable[0]
            made.append(assets.flashcard(term, sentence, index, generator, parameters))
            made.append(assets.cloze(term, sentence, span, index, generator, parameters))
            # Another sentence when the chunk has one: the quiz then tests more than recall
            # of the cloze.
            quiz_sentence, quiz_span = usable[1] if len(usable) > 1 else usable[0]
            question = assets.quiz_question(
                term, quiz_sentence, quiz_span, pool, index, generator, parameters
            )
            if question is not None:
                made.append(question)
    return made


def _covered(weights: dict[str, float], lemmas: frozenset[str]) -> float:
    """The weight of the key terms all of whose lemmas occur in `lemmas`."""
    return sum(w for key, w in weights.items() if set(key.split()) <= lemmas)


def _chunks(
    pieces: Sequence[_Piece], per_chunk: Sequence[Sequence[Term]], weights: dict[str, float]
) -> list[Chunk]:
    coverage = [_covered(weights, frozenset().union(*p.lemmas)) for p in pieces]
    top = max(coverage, default=0.0) or 1.0
    chunks = []
    for index, (piece, terms) in enumerate(zip(pieces, per_chunk, strict=True)):
        ranked = sorted(terms, key=lambda t: (t.score, t.text))
        if piece.kind is ChunkKind.HEADING:
            summary = piece.content
        else:
            own = {t.key.casefold(): assets.relevance(t.score) for t in ranked}
            keep = min(3, max(1, len(piece.sentences) // 4))
            best = _extract(piece.sentences, piece.lemmas, own, keep)
            summary = " ".join(piece.sentences[i] for i in best)
        chunks.append(
            Chunk(
                index=index,
                kind=piece.kind,
                content=piece.content,
                word_count=piece.words,
                language=piece.language,
                summary=summary,
                relevance=round(coverage[index] / top, 3),
                keywords=tuple(t.text for t in ranked[:8]),
            )
        )
    return chunks


class LocalGenerator:
    name = "local"

    async def generate(self, source: Source) -> Generation:
        # CPU-bound: off the event loop, so the server keeps answering while it runs.
        return await asyncio.to_thread(self.run, source)

    def run(self, source: Source) -> Generation:
        prepared = text.prepare(source.text, format=source.format, language=source.language)
        language = prepared.language
        pieces = _pieces(prepared.blocks, language)
        parameters: dict[str, object] = {
            "version": VERSION,
            "language": language,
            "chunk_max_words": CHUNK_MAX_WORDS,
            "teach_zipf": list(TEACH_ZIPF),
            "words_per_term": WORDS_PER_TERM,
            "max_terms_per_chunk": MAX_TERMS_PER_CHUNK,
        }
        per_chunk, ranked = _key_terms(pieces)
        weights = {t.key.casefold(): assets.relevance(t.score) for t in ranked[:MATERIAL_KEYWORDS]}
        pool = [t for t in ranked if t.zipf > 0]
        made = _teach(pieces, per_chunk, pool, self.name, parameters)

        # The material's summary: its best sentences, from every chunk but the headings.
        body = [p for p in pieces if p.kind is not ChunkKind.HEADING]
        sentences = [s for p in body for s in p.sentences]
        lemmas = [lemma_set for p in body for lemma_set in p.lemmas]
        picked = _extract(sentences, lemmas, weights, min(7, max(1, len(sentences) // 7)))
        if picked:
            covered = _covered(weights, frozenset().union(*(lemmas[i] for i in picked)))
            share = covered / (sum(weights.values()) or 1.0)
            chosen = [sentences[i] for i in picked]
            made.append(assets.summary(chosen, share, language, None, self.name, parameters))

        hardness = [assets.sentence_difficulty(s, language) for s in sentences]
        mean = sum(hardness) / len(hardness) if hardness else 0.0
        return Generation(
            text=prepared.text,
            format=prepared.format.value,
            language=language,
            language_detected=prepared.language_detected,
            word_count=sum(p.words for p in pieces),
            difficulty=int(min(10, max(1, 1 + round(9 * mean)))),
            keywords=tuple(t.text for t in ranked[:MATERIAL_KEYWORDS]),
            chunks=tuple(_chunks(pieces, per_chunk, weights)),
            assets=tuple(made),
            generator=self.name,
            parameters=parameters,
        )
