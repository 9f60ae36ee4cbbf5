"""Idempotency keys (app/idempotency.py): a mutation retried with the same key answers the
first answer and runs once, even concurrently; another request with the key is refused;
keys are the viewer's (or the client address's); queries ignore them."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx

from core.rows import fetch_records
from engine.ids import global_id
from models.conversation import ConversationMessage, Sender
from models.identity import User
from tests.factories.conversation import session_for, teacher
from tests.factories.identity import DEFAULT_PASSWORD, create_user, signed_in
from tests.graphql_client import operation

CONVERSATION = operation("conversation.graphql")
IDENTITY = operation("identity.graphql")


async def _post(
    http: httpx.AsyncClient,
    key: str | None,
    query: str,
    variables: dict[str, Any],
    name: str,
    token: str | None = None,
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if key is not None:
        headers["Idempotency-Key"] = key
    body = {"query": query, "variables": variables, "operationName": name}
    return await http.post("/graphql", json=body, headers=headers)


async def _session() -> tuple[str, str, Any]:
    user, token = await signed_in()
    session = await session_for(user, await teacher(0))
    return token, global_id("ConversationSession", session.id), session.id


async def _learner_messages(session_id: Any) -> list[str]:
    rows = await ConversationMessage.filter(session_id=session_id, sender=Sender.USER)
    return [m.content for m in rows]


async def test_a_retried_mutation_answers_the_first_answer_and_runs_once(
    http: httpx.AsyncClient,
) -> None:
    token, sid, session_id = await _session()
    key = str(uuid.uuid4())
    send = {"sessionId": sid, "content": "Hello there."}
    first = await _post(http, key, CONVERSATION, send, "SendMessage", token)
    again = await _post(http, key, CONVERSATION, send, "SendMessage", token)
    assert first.status_code == again.status_code == 200
    assert first.json()["data"]["sendMessage"]["errors"] == []
    assert again.content == first.content
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert await _learner_messages(session_id) == ["Hello there."]


async def test_concurrent_requests_with_one_key_run_once(http: httpx.AsyncClient) -> None:
    token, sid, session_id = await _session()
    key = str(uuid.uuid4())
    send = {"sessionId": sid, "content": "Only once, please."}
    answers = await asyncio.gather(
        *(_post(http, key, CONVERSATION, send, "SendMessage", token) for _ in range(4))
    )
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1
    assert sum(a.headers.get("Idempotent-Replayed") == "true" for a in answers) == 3
    assert await _learner_messages(session_id) == ["Only once, please."]


async def test_a_key_reused_for_another_request_is_refused(http: httpx.AsyncClient) -> None:
    token, sid, session_id = await _session()
    key = str(uuid.uuid4())
    await _post(
        http, key, CONVERSATION, {"sessionId": sid, "content": "One."}, "SendMessage", token
    )
    other = await _post(
        http, key, CONVERSATION, {"sessionId": sid, "content": "Two."}, "SendMessage", token
    )
    assert other.status_code == 422
    assert other.json() == {
        "errors": [
            {
                "message": "This Idempotency-Key was used for a different request.",
                "extensions": {"code": "IDEMPOTENCY_KEY_REUSED"},
            }
        ]
    }
    assert await _learner_messages(session_id) == ["One."]


async def test_keys_belong_to_their_user(http: httpx.AsyncClient) -> None:
    key = str(uuid.uuid4())
    for content in ("Mine.", "Mine too."):
        token, sid, session_id = await _session()
        sent = await _post(
            http, key, CONVERSATION, {"sessionId": sid, "content": content}, "SendMessage", token
        )
        assert "Idempotent-Replayed" not in sent.headers
        assert await _learner_messages(session_id) == [content]


async def test_anonymous_mutations_are_keyed_by_client_address(http: httpx.AsyncClient) -> None:
    key = str(uuid.uuid4())
    email = f"once-{uuid.uuid4().hex[:8]}@example.com"
    sign_up = {"email": email, "password": "a long enough password", "displayName": "Once"}
    first = await _post(http, key, IDENTITY, sign_up, "SignUp")
    again = await _post(http, key, IDENTITY, sign_up, "SignUp")
    assert first.json()["data"]["signUp"]["errors"] == []
    assert again.content == first.content
    assert await User.filter(email=email).count() == 1


async def test_invalid_keys_are_refused_and_queries_ignore_keys(http: httpx.AsyncClient) -> None:
    token, sid, session_id = await _session()
    send = {"sessionId": sid, "content": "Hi."}
    bad = await _post(http, "a key with spaces", CONVERSATION, send, "SendMessage", token)
    assert bad.status_code == 400
    assert bad.json()["errors"] == [
        {
            "message": "Idempotency-Key must be 1 to 255 visible ASCII characters.",
            "extensions": {"code": "INVALID_IDEMPOTENCY_KEY"},
        }
    ]
    assert await _learner_messages(session_id) == []
    key = str(uuid.uuid4())
    for _ in range(2):
        read = await _post(http, key, IDENTITY, {}, "Me", token)
        assert read.status_code == 200 and "Idempotent-Replayed" not in read.headers


async def test_a_not_now_answer_is_not_kept(http: httpx.AsyncClient) -> None:
    """A RATE_LIMITED answer is not stored: once the wait is over, the same key runs."""
    user = await create_user(email=f"patient-{uuid.uuid4().hex[:8]}@example.com")
    wrong = {"email": user.email, "password": "not the password"}
    for _ in range(5):  # the account's free failures
        await _post(http, None, IDENTITY, wrong, "LogIn")
    key = str(uuid.uuid4())
    right = {"email": user.email, "password": DEFAULT_PASSWORD}
    refused = await _post(http, key, IDENTITY, right, "LogIn")
    [error] = refused.json()["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert refused.headers["Retry-After"] == str(error["extensions"]["retryAfter"])
    # The wait is over (for the account and for this test client's address).
    await fetch_records("UPDATE throttles SET blocked_until = now() WHERE blocked_until > now()")
    admitted = await _post(http, key, IDENTITY, right, "LogIn")
    assert "Idempotent-Replayed" not in admitted.headers
    assert admitted.json()["data"]["logIn"]["errors"] == []
