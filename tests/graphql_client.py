"""A small GraphQL-over-HTTP client for tests, with the frontend operations at hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

OPERATIONS = Path(__file__).resolve().parent / "operations"


def operation(file: str) -> str:
    """The text of a frontend operations file (tests/operations mirrors ../shared/operations)."""
    return (OPERATIONS / file).read_text()


class GraphQLClient:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def raw(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        token: str | None = None,
        operation_name: str | None = None,
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        body: dict[str, Any] = {"query": query, "variables": variables or {}}
        if operation_name:
            body["operationName"] = operation_name
        response = await self.http.post("/graphql", json=body, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    async def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        token: str | None = None,
        operation_name: str | None = None,
    ) -> dict[str, Any]:
        """`data` of a request that must not produce GraphQL errors."""
        result = await self.raw(query, variables, token, operation_name)
        assert "errors" not in result, result["errors"]
        return result["data"]
