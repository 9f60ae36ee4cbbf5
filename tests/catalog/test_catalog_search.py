"""Course search finds what people type: word forms stemmed in the language the course is
written in (its `fromLanguage`), accents and case ignored on both sides, ranked, through the
GIN index.

Each test searches within languages of its own: `en-x-<tag>` is stemmed like `en` (the
configuration follows the primary subtag), so the result lists are exact.
"""

from __future__ import annotations

import uuid
from typing import Any

from tortoise import connections
from tortoise.transactions import in_transaction

from engine.ids import global_id
from models.catalog import Language
from models.identity import Role
from resolvers.catalog.browse import SEARCH_MATCH, SEARCH_SOURCE, search_ranks
from tests.factories.catalog import CourseTree, course_tree
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation

CATALOG = operation("catalog.graphql")


def _code(primary: str) -> str:
    """A language code of the test's own whose primary subtag is `primary`."""
    return f"{primary}-x-{uuid.uuid4().hex[:6]}"


async def _course(code: str, title: str, description: str = "", **fields: Any) -> CourseTree:
    return await course_tree(
        exercises=0, from_code=code, to_code="zz", title=title, description=description, **fields
    )


async def _search(gql: GraphQLClient, search: str, from_language: str) -> list[str]:
    """The titles `courses(filter: {search, fromLanguage})` lists, in order."""
    flt = {"search": search, "fromLanguage": from_language}
    data = (await gql(CATALOG, {"filter": flt}, operation_name="Courses"))["courses"]
    titles = [edge["node"]["title"] for edge in data["edges"]]
    assert data["totalCount"] == len(titles)
    return titles


async def test_english_course_matches_other_forms_of_the_word(gql: GraphQLClient) -> None:
    en = _code("en")
    await _course(en, "Airports and travel", "Checking in, boarding, flying")
    await _course(en, "Cooking at home", "Recipes for every day")
    assert await _search(gql, "airport", en) == ["Airports and travel"]
    assert await _search(gql, "airports", en) == ["Airports and travel"]
    assert await _search(gql, "travelling", en) == ["Airports and travel"]
    assert await _search(gql, "checks in boards", en) == ["Airports and travel"]
    assert await _search(gql, "recipe", en) == ["Cooking at home"]


async def test_accents_and_case_are_ignored_in_text_and_search(gql: GraphQLClient) -> None:
    es = _code("es")
    # Ranked by how much of the text is about the word: most mentions first.
    await _course(es, "INGLÉS BÁSICO", "Primeros pasos")
    await _course(es, "Inglés para viajar", "Inglés en el aeropuerto, inglés en el hotel")
    await _course(es, "Ingles de negocios", "Reuniones en inglés")
    await _course(es, "Francés para viajar", "Francés en el aeropuerto")
    expected = ["Inglés para viajar", "Ingles de negocios", "INGLÉS BÁSICO"]
    for search in ("ingles", "inglés", "INGLES", "INGLÉS", "Ínglês"):
        assert await _search(gql, search, es) == expected, search
    assert await _search(gql, "basico", es) == ["INGLÉS BÁSICO"]
    assert await _search(gql, "frances aeropuerto", es) == ["Francés para viajar"]


async def test_spanish_course_is_stemmed_in_spanish(gql: GraphQLClient) -> None:
    es, unknown = _code("es"), _code("zz")
    await _course(es, "Vocabulario de aeropuertos", "Frases para viajes")
    # A language without a snowball stemmer is searched word for word ('simple').
    await _course(unknown, "Vocabulario de aeropuertos", "Frases para viajes")
    assert await _search(gql, "aeropuerto", es) == ["Vocabulario de aeropuertos"]
    assert await _search(gql, "viaje frase", es) == ["Vocabulario de aeropuertos"]
    assert await _search(gql, "aeropuerto", unknown) == []
    assert await _search(gql, "aeropuertos", unknown) == ["Vocabulario de aeropuertos"]


async def test_title_matches_rank_above_description_matches(gql: GraphQLClient) -> None:
    en = _code("en")
    description_hit = await _course(en, "Everyday phrases", "Useful at the airport")
    title_hit = await _course(en, "Airport English", "Check-in and security")
    await _course(en, "Hotel English", "Booking a room")
    assert await _search(gql, "airports", en) == ["Airport English", "Everyday phrases"]
    ranks = await search_ranks("airports", [title_hit.course.id, description_hit.course.id])
    assert ranks[title_hit.course.id] > ranks[description_hit.course.id] > 0


async def test_search_without_a_match_finds_nothing(gql: GraphQLClient) -> None:
    en = _code("en")
    await _course(en, "Airports and travel", "Checking in")
    assert await _search(gql, "zebra", en) == []
    assert await _search(gql, "airport -travel", en) == []
    flt = {"search": f"zq{uuid.uuid4().hex[:8]}"}  # across every course
    data = await gql(CATALOG, {"filter": flt}, operation_name="Courses")
    assert data["courses"]["edges"] == [] and data["courses"]["totalCount"] == 0


async def test_changing_the_language_restems_the_course(gql: GraphQLClient) -> None:
    unknown, es, renamed = _code("zz"), _code("es"), _code("es")
    author, token = await signed_in(Role.TEACHER)
    tree = await _course(unknown, "Vocabulario de aeropuertos", author=author)
    other = await _course(unknown, "Aeropuertos del mundo")
    assert await _search(gql, "aeropuerto", unknown) == []
    update = (
        "mutation($id: ID!, $from: String!) { updateCourse(input: {id: $id,"
        " fromLanguage: $from}) { errors { message } } }"
    )
    await Language.create(code=es, name="Spanish", native_name="Español")
    result = await gql(update, {"id": global_id("Course", tree.course.id), "from": es}, token=token)
    assert result["updateCourse"]["errors"] == []
    assert await _search(gql, "aeropuerto", es) == ["Vocabulario de aeropuertos"]
    # A language's code changing restems its courses too.
    await Language.filter(id=other.course.from_language_id).update(code=renamed)
    assert await _search(gql, "aeropuerto", renamed) == ["Aeropuertos del mundo"]


async def test_search_predicate_uses_the_gin_index() -> None:
    sql = f"EXPLAIN SELECT t.id FROM {SEARCH_SOURCE.format(term='$1')} WHERE {SEARCH_MATCH}"
    async with in_transaction() as connection:
        await connection.execute_script("SET LOCAL enable_seqscan = off")
        rows = await connection.execute_query_dict(sql, ["airports"])
    plan = "\n".join(row["QUERY PLAN"] for row in rows)
    assert "Bitmap Index Scan on courses_search_vector_idx" in plan, plan
    # The ORed tsquery is computed at planning time: the index condition is a constant, the
    # search stemmed ('airport') and not ('airports', the 'simple' configuration).
    assert "Index Cond: (search_vector @@ '''airport'' | ''airports'''::tsquery)" in plan, plan


async def test_language_codes_map_to_snowball_configurations() -> None:
    codes = ["en", "es", "pt-BR", "fr_CA", "DE", "it", "nl", "ru", "sv", "zz", "x-klingon"]
    rows = await connections.get("default").execute_query_dict(
        "SELECT lingograph_search_config(code)::text AS config"
        " FROM unnest($1::text[]) WITH ORDINALITY AS c(code, n) ORDER BY n",
        [codes],
    )
    assert [row["config"] for row in rows] == [
        "english",
        "spanish",
        "portuguese",
        "french",
        "german",
        "italian",
        "dutch",
        "russian",
        "swedish",
        "simple",
        "simple",
    ]
    folded = await connections.get("default").execute_query_dict(
        "SELECT lingograph_fold($1) AS f", ["ÀÉÎÕÜ àéîõü Ñ ç Straße Œuvre Łódź"]
    )
    assert folded[0]["f"] == "aeiou aeiou n c strasse oeuvre lodz"
