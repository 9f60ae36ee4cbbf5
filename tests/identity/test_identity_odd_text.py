"""Text no database can store — a NUL byte, a lone UTF-16 surrogate — is an INVALID error on
the field that carries it, for every mutation (the pipeline checks inputs first), never an
internal error."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.factories.identity import signed_in
from tests.http_helpers import JSON_BODY

SIGN_UP = """mutation($input: SignUpInput!) { signUp(input: $input) {
  token errors { field code } } }"""
UPDATE = """mutation($input: UpdateProfileInput!) { updateProfile(input: $input) {
  user { id } errors { field code } } }"""


def _invalid(*fields: str) -> list[dict[str, Any]]:
    return [{"field": field, "code": "INVALID"} for field in fields]


async def test_a_nul_byte_is_invalid_on_its_field(http: httpx.AsyncClient) -> None:
    variables = {
        "input": {
            "email": "nul@example.com",
            "password": "a long enough password",
            "displayName": "Nul\u0000Byte",
        }
    }
    response = await http.post("/graphql", json={"query": SIGN_UP, "variables": variables})
    assert response.json() == {
        "data": {"signUp": {"token": None, "errors": _invalid("displayName")}}
    }


async def test_a_lone_surrogate_is_invalid_on_its_field(http: httpx.AsyncClient) -> None:
    _, token = await signed_in()
    # A JSON escape for half a surrogate pair: valid JSON text, not a character.
    body = (
        '{"query": ' + json.dumps(UPDATE) + ', "variables": {"input": '
        '{"displayName": "ok", "learningGoals": ["travel", "\\ud800"]}}}'
    )
    headers = {**JSON_BODY, "Authorization": f"Bearer {token}"}
    response = await http.post("/graphql", content=body, headers=headers)
    assert response.json() == {
        "data": {"updateProfile": {"user": None, "errors": _invalid("learningGoals")}}
    }
