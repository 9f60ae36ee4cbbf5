"""Unexpected exceptions are masked ("internal error" + the request id) and logged with their
traceback and the request id; expected failures (AppError) keep their message and code.

A test-only schema raises on purpose; it runs with the product's extensions and HTTP view.
"""

from __future__ import annotations

import logging

import pytest

import app.http
from core.db_backend import UNAVAILABLE_MESSAGE
from core.settings import Settings
from tests.failing_app import SECRET, failing_app
from tests.http_helpers import GRAPHQL_RESPONSE, JSON_BODY, app_client


def _unexpected_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "lingograph.errors"]


async def test_unexpected_error_is_masked_with_the_request_id_and_logged(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    async with app_client(failing_app(settings)) as client:
        response = await client.post("/graphql", json={"query": "{ ok boom }"}, headers=JSON_BODY)
    request_id = response.headers["x-request-id"]
    assert response.status_code == 200
    assert response.json() == {
        "data": {"ok": "fine", "boom": None},
        "errors": [
            {
                "message": "internal error",
                "locations": [{"line": 1, "column": 6}],
                "path": ["boom"],
                "extensions": {"code": "INTERNAL", "requestId": request_id},
            }
        ],
    }
    assert SECRET not in response.text
    [record] = _unexpected_records(caplog)
    assert request_id in record.getMessage()
    assert "boom" in record.getMessage()
    assert record.exc_info is not None and isinstance(record.exc_info[1], RuntimeError)
    # The traceback (with the real message) is in the log, not in the response.
    assert SECRET in caplog.text and "Traceback" in caplog.text
    # Strawberry's own copy of the error (without the request id) is not logged.
    assert [r for r in caplog.records if r.name == "strawberry.execution"] == []


async def test_a_field_error_is_a_partial_response_even_with_graphql_response_json(
    settings: Settings,
) -> None:
    async with app_client(failing_app(settings)) as client:
        partial = await client.post(
            "/graphql", json={"query": "{ ok boom }"}, headers=GRAPHQL_RESPONSE
        )
        # A non-null field failing nulls `data`, which is still present: not a request error.
        nulled = await client.post(
            "/graphql", json={"query": "{ ok requiredBoom }"}, headers=GRAPHQL_RESPONSE
        )
    assert partial.status_code == 200
    assert partial.json()["data"] == {"ok": "fine", "boom": None}
    assert nulled.status_code == 200
    assert nulled.json()["data"] is None
    assert [e["extensions"]["code"] for e in nulled.json()["errors"]] == ["INTERNAL"]


async def test_expected_errors_keep_their_message_and_code(settings: Settings) -> None:
    async with app_client(failing_app(settings)) as client:
        response = await client.post("/graphql", json={"query": "{ course }"}, headers=JSON_BODY)
    assert response.json() == {
        "data": {"course": None},
        "errors": [
            {
                "message": "Course not found.",
                "locations": [{"line": 1, "column": 3}],
                "path": ["course"],
                "extensions": {"code": "NOT_FOUND", "field": "slug"},
            }
        ],
    }


async def test_a_failure_outside_resolvers_is_a_masked_500(
    settings: Settings, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(authorization: str | None) -> None:
        raise RuntimeError(SECRET)

    monkeypatch.setattr(app.http, "authenticate", broken)
    caplog.set_level(logging.ERROR)
    async with app_client(failing_app(settings)) as client:
        response = await client.post(
            "/graphql",
            json={"query": "{ ok }"},
            headers={**JSON_BODY, "authorization": "Bearer x"},
        )
    request_id = response.headers["x-request-id"]
    assert response.status_code == 500
    assert response.json() == {
        "errors": [
            {
                "message": "internal error",
                "extensions": {"code": "INTERNAL", "requestId": request_id},
            }
        ]
    }
    [record] = [r for r in caplog.records if r.name == "lingograph.http"]
    assert request_id in record.getMessage()
    assert record.exc_info is not None and isinstance(record.exc_info[1], RuntimeError)


async def test_a_database_outage_outside_resolvers_is_a_503_with_retry_after(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def database_down(authorization: str | None) -> None:
        raise ConnectionRefusedError(SECRET)

    monkeypatch.setattr(app.http, "authenticate", database_down)
    async with app_client(failing_app(settings)) as client:
        response = await client.post(
            "/graphql",
            json={"query": "{ ok }"},
            headers={**JSON_BODY, "authorization": "Bearer x"},
        )
    request_id = response.headers["x-request-id"]
    assert (response.status_code, response.headers["retry-after"]) == (503, "5")
    assert response.json() == {
        "errors": [
            {
                "message": UNAVAILABLE_MESSAGE,
                "extensions": {"code": "UNAVAILABLE", "requestId": request_id},
            }
        ]
    }
