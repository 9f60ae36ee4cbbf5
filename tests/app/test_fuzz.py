"""Fuzzing over real HTTP: no input gives a 5xx, an `INTERNAL` error or a traceback.

Documents come from hypothesis-graphql over the real schema (`schema.graphql`, which
tests/engine/test_contract.py keeps current), valid ones and ones with one schema violation,
sent anonymously and as a signed-in student and teacher of a course tree made for the fuzz
(its own users, languages and rows, so no other test sees what the fuzz changes). Beside
them: random JSON as the variables of the frontend operations (tests/operations), and random
request envelopes. Every answer must be JSON, with status < 500, no error coded `INTERNAL`
and no traceback text.

IDs are drawn mostly from the fuzz tree's real global ids, strings partly from values that
mean something (its slugs, language codes, time zones), so mutations get past the look-ups
to the code behind them; NUL bytes, lone surrogates, over-long and huge values are mixed in.

Mutations that a per-address throttle counts (`logIn`, `signUp`, the password and token
ones) go to a second server on the same database that trusts 127.0.0.1 as a proxy, each
request from its own documentation-range address (X-Forwarded-For), so the rest of the
suite's address is never throttled because of the fuzz. `logOut` is fuzzed anonymously only:
it would end the fuzz users' sessions.

Examples per test: FUZZ_EXAMPLES (default 20, the whole file in about 25 s), derandomized so
CI runs the same inputs every time; with FUZZ_EXAMPLES set the run is random, e.g.
`FUZZ_EXAMPLES=2000 make test`. A failure prints the falsifying example, shrunk.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import logging
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, cast

import graphql
import httpx
import pytest
import pytest_asyncio
from hypothesis import HealthCheck, Phase, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema, nodes

from core.settings import Settings
from engine.ids import global_id
from main import create_app
from models.identity import Role
from tests.factories.catalog import course_tree
from tests.factories.conversation import scenario, session_for, teacher
from tests.factories.identity import signed_in
from tests.factories.learning import enrollment
from tests.graphql_client import OPERATIONS
from tests.servers import serve

ROOT = Path(__file__).resolve().parents[2]
SDL = (ROOT / "schema.graphql").read_text()
SCHEMA = graphql.build_schema(SDL)

EXPLORING = "FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 20)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not EXPLORING,
    database=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    print_blob=False,
)

# Root fields a per-address throttle counts: fuzzed from addresses of their own (see above).
THROTTLED = [
    "signUp",
    "logIn",
    "requestPasswordReset",
    "resetPassword",
    "verifyEmail",
    "changePassword",
]
# Ends the caller's sessions: fuzzed anonymously only.
SESSION_ENDING = ["logOut"]
QUERY_FIELDS = list(SCHEMA.query_type.fields) if SCHEMA.query_type else []
MUTATION_FIELDS = list(SCHEMA.mutation_type.fields) if SCHEMA.mutation_type else []
OTHER_FIELDS = [f for f in QUERY_FIELDS + MUTATION_FIELDS if f not in THROTTLED + SESSION_ENDING]
TRACEBACK_MARKERS = ("Traceback", 'File "')


@dataclasses.dataclass(repr=False)
class Pool:
    """Values of the fuzz's own rows, filled by the `fuzz_data` fixture before any draw."""

    ids: list[str] = dataclasses.field(default_factory=list)
    strings: list[str] = dataclasses.field(default_factory=list)
    tokens: dict[str, str | None] = dataclasses.field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Pool({len(self.ids)} ids, {len(self.strings)} strings)"


POOL = Pool()


# --- Strategies -----------------------------------------------------------------------------
# Odd values are mixed in with weights, so most examples still get past coercion and
# validation to the resolvers.


def weighted(*choices: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """One of the strategies, each drawn `weight` times in sum-of-weights."""
    pool = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.sampled_from(pool).flatmap(lambda strategy: strategy)


def often(common: st.SearchStrategy[Any], *rare: st.SearchStrategy[Any]) -> Any:
    """`common` three times in four, else one of `rare`."""
    return weighted((3, common), (1, st.one_of(*rare)))


SURROGATES = ["\ud800", "\udfff", "\ud83d"]  # unencodable in UTF-8; JSON escapes them
ODD_PIECES = [
    "\x00",
    "\U0001f600",
    "\u202e",
    "\ufeff",
    "'",
    '"',
    "\\",
    "%",
    "_",
    "*",
    "--",
    ";",
    "\n",
    "<script>",
    "${}",
    "\\u0000",
]
TYPE_NAMES = [
    "Course",
    "Section",
    "Unit",
    "Lesson",
    "Exercise",
    "ExerciseOption",
    "User",
    "TeacherProfile",
    "ConversationSession",
]


def _long_strings() -> st.SearchStrategy[str]:
    sizes = st.sampled_from([119, 120, 121, 255, 256, 257, 2000, 2001, 5000, 70_000])
    return st.builds(lambda n, c: c * n, sizes, st.sampled_from(["x", "é", "\x00", "😀"]))


def _pieces(pieces: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=4))
    return st.lists(piece, min_size=1, max_size=6).map("".join)


# Text for GraphQL literals: a lone surrogate there is always a syntax error, so it is rare.
literal_text = weighted(
    (30, st.text(max_size=20)),
    (10, _pieces(ODD_PIECES)),
    (4, _long_strings()),
    (1, _pieces(SURROGATES)),
)
# Text for JSON variables, where surrogates reach the resolvers.
odd_text = st.one_of(st.text(max_size=20), _pieces(ODD_PIECES + SURROGATES), _long_strings())
pool_string = st.deferred(lambda: st.sampled_from(POOL.strings))
pool_id = st.deferred(lambda: st.sampled_from(POOL.ids))


def _ids(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return often(
        pool_id,
        # Well-formed ids of nothing, of the wrong type, or not base64 at all.
        st.builds(global_id, st.sampled_from(TYPE_NAMES), st.uuids()),
        st.builds(global_id, st.sampled_from(TYPE_NAMES), st.text(max_size=8)),
        text,
        st.integers().map(str),
    )


int32 = st.integers(min_value=-(2**31), max_value=2**31 - 1)
small_ints = st.integers(min_value=-3, max_value=120)
HUGE_DIGITS = [20, 400, 4300, 4301, 5000]  # over 4,300 digits Python's int() refuses
decimal_text = often(
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.decimals().map(str),
    st.sampled_from(["1e999999999", "-1E-999999999", "NaN", "sNaN", "Infinity", "-0", "", "1,5"]),
    st.sampled_from(HUGE_DIGITS).map(lambda n: "9" * n),
    odd_text,
)
date_text = often(
    st.one_of(st.dates().map(str), st.datetimes().map(lambda d: d.isoformat())),
    st.sampled_from(["0000-00-00", "9999-12-31T23:59:59+99:00", "2024-02-30", "-1", ""]),
    odd_text,
)


def _literal_json() -> st.SearchStrategy[graphql.ValueNode]:
    leaves = st.one_of(
        st.just(nodes.Null),
        st.booleans().map(nodes.Boolean),
        often(int32, st.integers()).map(nodes.Int),
        st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
        literal_text.map(nodes.String),
    )

    def obj(pairs: list[tuple[str, graphql.ValueNode]]) -> graphql.ValueNode:
        name = graphql.NameNode
        return nodes.Object(
            [graphql.ObjectFieldNode(name=name(value=k), value=v) for k, v in pairs]
        )

    names = st.from_regex(r"[_A-Za-z][_0-9A-Za-z]{0,8}", fullmatch=True)
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4).map(nodes.List),
            st.lists(st.tuples(names, children), max_size=4, unique_by=lambda p: p[0]).map(obj),
        ),
        max_leaves=12,
    )


# Literal nodes for the schema's scalars, built-in ones included: hypothesis-graphql's own
# stay within 32-bit Ints and plain strings.
CUSTOM_SCALARS: dict[str, st.SearchStrategy[graphql.ValueNode]] = {
    "ID": _ids(literal_text).map(nodes.String),
    "String": st.one_of(pool_string, literal_text).map(nodes.String),
    "Int": often(
        st.one_of(int32, small_ints).map(str),
        st.integers().map(str),
        st.sampled_from(HUGE_DIGITS).map(lambda n: "9" * n),
    ).map(lambda digits: graphql.IntValueNode(value=digits)),
    "Float": st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
    "Decimal": decimal_text.map(nodes.String),
    "Date": date_text.map(nodes.String),
    "DateTime": date_text.map(nodes.String),
    "JSON": _literal_json(),
}


def documents(fields: list[str]) -> st.SearchStrategy[str]:
    """Valid operations, and now and then one with a schema violation."""

    def of(mode: Mode) -> st.SearchStrategy[str]:
        return from_schema(SCHEMA, fields=fields, custom_scalars=CUSTOM_SCALARS, mode=mode)

    return often(of(Mode.POSITIVE), of(Mode.NEGATIVE))


class Raw(str):
    """A JSON value written as is (e.g. a 5,000-digit number Python's json refuses to print)."""


strings = st.one_of(pool_string, odd_text)
ids = _ids(odd_text)
json_leaves = often(
    st.one_of(st.none(), st.booleans(), int32, st.floats(allow_nan=False), strings, ids),
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**64 + 2),
    st.sampled_from([float("nan"), float("inf")]),  # print as tokens JSON does not have
    st.sampled_from(HUGE_DIGITS).map(lambda n: Raw("9" * n)),
    st.just(Raw("1e400")),
)


def json_values(max_leaves: int = 10) -> st.SearchStrategy[Any]:
    containers = st.recursive(
        json_leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.one_of(st.text(max_size=6), odd_text), children, max_size=4),
        ),
        max_leaves=max_leaves,
    )
    nested = st.builds(_nest, st.integers(min_value=10, max_value=150), json_leaves)
    return often(containers, nested)


def _nest(depth: int, leaf: Any) -> Any:
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"a": value}
    return value


VARIABLE_SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "ID": ids,
    "String": strings,
    "Int": often(
        st.one_of(int32, small_ints),
        st.integers(),
        st.sampled_from(HUGE_DIGITS).map(lambda n: Raw("9" * n)),
    ),
    "Float": often(st.floats(allow_nan=False, allow_infinity=False), st.just(Raw("1e400"))),
    "Boolean": st.booleans(),
    "Decimal": st.one_of(decimal_text, st.integers(), st.floats(allow_nan=False)),
    "Date": date_text,
    "DateTime": date_text,
    "JSON": json_values(6),
}


def variable_values(type_: graphql.GraphQLInputType, depth: int = 0) -> st.SearchStrategy[Any]:
    """JSON for a variable of this type, mostly of the right shape, sometimes anything."""
    if isinstance(type_, graphql.GraphQLNonNull):
        return variable_values(type_.of_type, depth)
    anything = json_values(4)
    shaped: st.SearchStrategy[Any]
    if isinstance(type_, graphql.GraphQLList):
        shaped = st.lists(variable_values(type_.of_type, depth + 1), max_size=3)
    elif isinstance(type_, graphql.GraphQLInputObjectType):
        if depth > 3:
            return anything
        fields = {
            name: variable_values(field.type, depth + 1) for name, field in type_.fields.items()
        }
        required = [n for n, f in type_.fields.items() if graphql.is_required_input_field(f)]
        shaped = st.fixed_dictionaries(
            {n: fields[n] for n in required},
            optional={n: s for n, s in fields.items() if n not in required},
        )
    elif isinstance(type_, graphql.GraphQLEnumType):
        shaped = st.sampled_from(list(type_.values))
    else:
        shaped = VARIABLE_SCALARS[type_.name]
    return often(shaped, anything, st.none())


def encode(body: Any) -> bytes:
    """JSON with lone surrogates as escapes and `Raw` values spliced in verbatim."""
    raws: dict[str, str] = {}

    def mark(value: Any) -> Any:
        if isinstance(value, Raw):
            key = f"raw-{uuid.uuid4().hex}"
            raws[key] = str(value)
            return key
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items()}
        if isinstance(value, list):
            return [mark(v) for v in value]
        return value

    text = json.dumps(mark(body))
    for key, raw in raws.items():
        text = text.replace(f'"{key}"', raw)
    return text.encode()


# --- The property -------------------------------------------------------------------------


def _walk(value: Any) -> Iterator[Any]:
    """Every value in a JSON document, containers included, and every object key."""
    yield value
    if isinstance(value, dict):
        yield from value.keys()
        for child in value.values():
            yield from _walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child)


def _errors(answer: Any) -> Iterator[tuple[dict[str, Any], Any]]:
    """(error, code) of every error in an answer: request errors and payload user errors."""
    for value in _walk(answer):
        if isinstance(value, dict) and "message" in value:
            extensions = value.get("extensions")
            code = value.get("code") or (
                extensions.get("code") if isinstance(extensions, dict) else None
            )
            yield value, code


class ServerErrors(logging.Handler):
    """ERROR records of the in-process servers during a request, shown when it fails."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        formatter = logging.Formatter("%(name)s: %(message)s")
        return "\n".join(formatter.format(record) for record in self.records)[-6000:] or "-"


SERVER_ERRORS = ServerErrors()


def check_answer(response: httpx.Response, body: Any, sent: bytes) -> Any:
    """The answer's JSON, after checking the fuzz property on it."""
    repro = (
        f"\nrequest: {sent[:3000]!r}\nanswer {response.status_code}: {response.text[:3000]}"
        f"\nserver log:\n{SERVER_ERRORS.text()}"
    )
    assert response.status_code < 500, repro
    try:
        answer = response.json()
    except ValueError:
        raise AssertionError("the answer is not JSON" + repro) from None
    assert [error for error, code in _errors(answer) if code == "INTERNAL"] == [], repro
    # Traceback text, in the body or in any string of it, unless the request said it first.
    echoed = [t for t in _walk(body) if isinstance(t, str)]
    texts = [response.text, *(t for t in _walk(answer) if isinstance(t, str))]
    for marker in TRACEBACK_MARKERS:
        if not any(marker in text for text in echoed):
            assert not any(marker in text for text in texts), repro
    if currently_in_test_context():
        codes = sorted({str(code or "uncoded") for _, code in _errors(answer)})
        event(f"HTTP {response.status_code}, codes: {', '.join(codes) or '-'}")
    return answer


async def post(
    client: httpx.AsyncClient,
    body: Any,
    identity: str,
    forwarded_for: str | None = None,
    accept: str | None = None,
) -> Any:
    headers = {"content-type": "application/json"}
    token = POOL.tokens[identity]
    if token:
        headers["authorization"] = f"Bearer {token}"
    if forwarded_for:
        headers["x-forwarded-for"] = forwarded_for
    if accept:
        headers["accept"] = accept
    sent = encode(body)
    SERVER_ERRORS.records.clear()
    response = await client.post("/graphql", content=sent, headers=headers)
    return check_answer(response, body, sent)


# Client addresses for throttled mutations: documentation ranges, one per example.
addresses = st.one_of(
    st.integers(0, 2**16 - 1).map(lambda n: str(ipaddress.IPv4Address("198.18.0.0") + n)),
    st.integers(0, 2**64).map(lambda n: str(ipaddress.IPv6Address("2001:db8::") + n)),
)


# --- Fixtures -----------------------------------------------------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def fuzz_data(server: str) -> AsyncIterator[Pool]:
    """The fuzz's own rows: a teacher's published course and draft in a language pair of
    their own, a student enrolled with a conversation session, a scenario, a tutor."""
    tag = uuid.uuid4().hex[:6]
    src, dst = f"fz{tag}a", f"fz{tag}b"
    author, author_token = await signed_in(Role.TEACHER, display_name=f"Fuzz teacher {tag}")
    student, student_token = await signed_in(display_name=f"Fuzz student {tag}")
    tree = await course_tree(
        sections=2, units=1, lessons=2, exercises=3, author=author, from_code=src, to_code=dst
    )
    draft = await course_tree(published=False, author=author, from_code=src, to_code=dst)
    await enrollment(student, tree.course)
    tutor = await teacher()
    role_play = await scenario(lesson_id=tree.lessons[0].id, name=f"Fuzz scenario {tag}")
    session = await session_for(student, tutor, role_play, messages=4, corrections_each=1)

    rows: list[tuple[str, Any]] = [
        ("Course", tree.course),
        ("Course", draft.course),
        ("User", author),
        ("User", student),
        ("TeacherProfile", tutor),
        ("ConversationScenario", role_play),
        ("ConversationSession", session),
    ]
    for tree_ in (tree, draft):
        rows += [("Section", row) for row in tree_.sections]
        rows += [("Unit", row) for row in tree_.units]
        rows += [("Lesson", row) for row in tree_.lessons]
        rows += [("Exercise", row) for row in tree_.exercises]
        rows += [("ExerciseOption", row) for row in tree_.options]
    POOL.ids[:] = [global_id(kind, row.id) for kind, row in rows]
    POOL.strings[:] = [
        src,
        dst,
        "en",
        tree.course.slug,
        draft.course.slug,
        "UTC",
        "Europe/Berlin",
        "answer 1",
        "option 1",
        "A1",
        "B2",
        str(tree.lessons[0].id),
        str(tree.options[0].id),
        "a long enough password",
    ]
    POOL.tokens.update(anonymous=None, student=student_token, teacher=author_token)
    logging.getLogger().addHandler(SERVER_ERRORS)
    try:
        yield POOL
    finally:
        logging.getLogger().removeHandler(SERVER_ERRORS)
    # The fuzz users must still be signed in: else later examples ran as nobody.
    async with httpx.AsyncClient(base_url=server) as client:
        for identity in ("student", "teacher"):
            answer = await post(client, {"query": "{ me { id } }"}, identity)
            assert answer["data"]["me"] is not None, identity


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def proxied(settings: Settings, database_url: str, server: str) -> AsyncIterator[str]:
    """The app served again, trusting 127.0.0.1 as a proxy; it shares the session server's
    ORM (its lifespan is not run, see tests/http_helpers.py)."""
    app_settings = dataclasses.replace(
        settings, database_url=database_url, trusted_proxies=["127.0.0.1"]
    )
    async with serve(create_app(app_settings)) as base_url:
        yield base_url


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def client(server: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server, timeout=60) as http:
        yield http


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def proxied_client(proxied: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=proxied, timeout=60) as http:
        yield http


# --- Tests --------------------------------------------------------------------------------

IDENTITIES = ["anonymous", "student", "teacher"]


@pytest.mark.parametrize("identity", IDENTITIES)
@FUZZ
@given(document=documents(OTHER_FIELDS))
async def test_generated_operations(
    client: httpx.AsyncClient, fuzz_data: Pool, identity: str, document: str
) -> None:
    await post(client, {"query": document}, identity)


@FUZZ
@given(document=documents(SESSION_ENDING))
async def test_generated_log_outs_of_nobody(
    client: httpx.AsyncClient, fuzz_data: Pool, document: str
) -> None:
    await post(client, {"query": document}, "anonymous")


@pytest.mark.parametrize("identity", ["anonymous", "student"])
@FUZZ
@given(
    document=documents(THROTTLED),
    address=addresses,
)
async def test_generated_throttled_mutations(
    proxied_client: httpx.AsyncClient,
    fuzz_data: Pool,
    identity: str,
    document: str,
    address: str,
) -> None:
    await post(proxied_client, {"query": document}, identity, forwarded_for=address)


@dataclasses.dataclass(frozen=True)
class Operation:
    text: str  # the whole operations file (fragments included)
    name: str
    variables: dict[str, graphql.GraphQLInputType]


def _operations() -> list[Operation]:
    """The frontend's queries and mutations (not `LogOut`: it would end the fuzz sessions)."""
    found = []
    for path in sorted(OPERATIONS.glob("*.graphql")):
        text = path.read_text()
        for definition in graphql.parse(text).definitions:
            if (
                isinstance(definition, graphql.OperationDefinitionNode)
                and definition.name is not None
                and definition.operation != graphql.OperationType.SUBSCRIPTION
                and definition.name.value != "LogOut"
            ):
                variables = {
                    v.variable.name.value: cast(
                        graphql.GraphQLInputType, graphql.type_from_ast(SCHEMA, v.type)
                    )
                    for v in definition.variable_definitions or ()
                }
                found.append(Operation(text, definition.name.value, variables))
    return found


OPERATION_LIST = _operations()
THROTTLED_OPERATIONS = {name[0].upper() + name[1:] for name in THROTTLED}


@st.composite
def operation_requests(draw: st.DrawFn) -> tuple[dict[str, Any], bool]:
    """A frontend operation with random variables: mostly the declared ones, of their types
    with odd values, sometimes missing, undeclared or not an object at all."""
    operation = draw(st.sampled_from(OPERATION_LIST))
    typed = {name: variable_values(type_) for name, type_ in operation.variables.items()}
    names = list(typed) or ["x"]
    variables: Any = draw(
        often(
            st.fixed_dictionaries(typed),
            st.fixed_dictionaries({}, optional=typed),
            st.dictionaries(st.one_of(st.sampled_from(names), odd_text), json_values(6)),
            json_values(6),
        )
    )
    body = {"query": operation.text, "operationName": operation.name, "variables": variables}
    return body, operation.name in THROTTLED_OPERATIONS


@FUZZ
@given(
    request=operation_requests(),
    identity=st.sampled_from(IDENTITIES),
    address=addresses,
)
async def test_random_variables_of_frontend_operations(
    client: httpx.AsyncClient,
    proxied_client: httpx.AsyncClient,
    fuzz_data: Pool,
    request: tuple[dict[str, Any], bool],
    identity: str,
    address: str,
) -> None:
    body, throttled = request
    if throttled:
        await post(proxied_client, body, identity, forwarded_for=address)
    else:
        await post(client, body, identity)


@FUZZ
@given(
    body=st.one_of(
        json_values(),
        st.fixed_dictionaries(
            {},
            optional={
                "query": st.one_of(
                    st.sampled_from([op.text for op in OPERATION_LIST]),
                    st.just("{ __typename }"),
                    odd_text,
                    json_values(4),
                ),
                "variables": json_values(4),
                "operationName": st.one_of(
                    st.sampled_from([op.name for op in OPERATION_LIST]), json_values(2)
                ),
                "extensions": st.one_of(
                    json_values(4),
                    st.fixed_dictionaries(
                        {
                            "persistedQuery": st.fixed_dictionaries(
                                {},
                                optional={
                                    "version": json_values(1),
                                    "sha256Hash": st.one_of(st.text(max_size=70), json_values(1)),
                                },
                            )
                        }
                    ),
                ),
            },
        ),
    ),
    accept=st.sampled_from([None, "application/json", "application/graphql-response+json", "*/*"]),
)
async def test_random_request_envelopes(
    client: httpx.AsyncClient, fuzz_data: Pool, body: Any, accept: str | None
) -> None:
    await post(client, body, "anonymous", accept=accept)
