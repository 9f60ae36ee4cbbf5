"""The read compiler's way through the HTTP endpoint (app/http.py): a query answered by one
statement (engine/compiler), for anonymous viewers, for signed-in ones once authenticated,
and, for a viewer authenticated recently, with the bearer-token check in that statement."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from app.persisted_queries import PersistedQuery, PersistedQueryStore
from engine.compiler.runner import Check, ReadCompiler
from engine.compiler.statement import Statement
from resolvers.identity.auth import LAST_USED_RESOLUTION, bearer_token
from resolvers.identity.recent_viewers import recent_viewer, still_authenticates_sql


class CompiledReads:
    compiler: ReadCompiler | None
    persisted_queries: PersistedQueryStore

    async def compiled(
        self, params: dict[str, Any], viewer: Any, check: Check | None = None
    ) -> tuple[bytes | None, bool]:
        """(the body the read compiler answers (engine/compiler) or None, whether it
        declined the operation). A debug request asking for the executor's report gets the
        executor."""
        if self.compiler is None:
            return None, True
        extensions = params.get("extensions")
        if isinstance(extensions, dict) and extensions.get("executor") is True:
            return None, True
        variables = params.get("variables")
        return await self.compiler.attempt(
            params["query"],
            params.get("operationName") or None,
            variables if isinstance(variables, dict) else None,
            viewer,
            check,
        )

    async def compiled_for_remembered_viewer(
        self,
        request: Request,
        params: dict[str, Any],
        media_type: str,
        persisted: PersistedQuery | None,
    ) -> Response | None:
        """A signed-in viewer's query answered with no statement of its own for the bearer
        token: the compiler renders it for the viewer the token authenticated last time and
        its statement checks that it still does (resolvers/identity/recent_viewers.py).
        None: the usual way (authenticate, then the compiler or the executor)."""
        if self.compiler is None:
            return None
        raw = bearer_token(request.headers.get("authorization"))
        remembered = recent_viewer(raw) if raw is not None else None
        if remembered is None:
            return None
        digest, viewer = remembered
        body, declined = await self.compiled(params, viewer, Check(digest, _still_authenticates))
        if body is None:
            request.state.compiler_declined = declined  # not tried twice
            return None
        return await self.compiled_response(body, media_type, persisted, viewer)

    async def compiled_response(
        self, body: bytes, media_type: str, persisted: PersistedQuery | None, viewer: Any
    ) -> Response:
        response = Response(body, status_code=200, media_type=f"{media_type}; charset=utf-8")
        if persisted is not None and persisted.query is not None:
            await self.persisted_queries.put(persisted.sha256, persisted.query)  # it validated
        self.set_cache_headers(response, viewer)
        return response

    @staticmethod
    def set_cache_headers(response: Response, viewer: Any) -> None:
        if viewer is not None:
            # The answer is the viewer's: no cache, shared or private, may keep it.
            response.headers["Cache-Control"] = "no-store"
        else:
            response.headers["Vary"] = "Authorization"


def _still_authenticates(statement: Statement, viewer: Any, digest: Any) -> str:
    """The check of a remembered viewer's statement: the token still authenticates them."""
    return still_authenticates_sql(
        digest, viewer, statement.params, statement.now(), LAST_USED_RESOLUTION
    )
