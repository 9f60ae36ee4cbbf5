"""The GraphQL endpoint: GraphQL over HTTP as the spec says, WebSockets, request ids.

Strawberry's ASGI view handles WebSockets (graphql-transport-ws and graphql-ws) and the origin
check; HTTP requests are handled here because the spec's media-type rules need more than the
stock view does:

- The response media type is negotiated from `Accept`: `application/graphql-response+json`
  when the client asks for it, else `application/json` (also for a missing Accept or `*/*`),
  406 when neither is acceptable.
- With `application/graphql-response+json`, a request error (the document fails to parse or
  validate, variables fail to coerce, a query limit is exceeded: nothing was executed) answers
  400. With `application/json` it stays 200, so Apollo Client and urql still read `errors`.
  Either way such a response has no `data` entry, as the GraphQL spec says for errors raised
  before execution.
- POST needs `Content-Type: application/json` (400 when missing, 415 otherwise), or
  `multipart/form-data` for file uploads by the GraphQL multipart request spec, streamed under
  their own size limit (app/uploads.py); a mutation over GET is refused with 405 and
  `Allow: POST`; other methods get 405 and `Allow: GET, POST`.

Every HTTP response carries an `X-Request-Id` (the client's, when it sent a sane one), the id the
error masking puts in `extensions.requestId` and in the log.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Mapping
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError, MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UNSET

from app import idempotency
from app.compiled_reads import CompiledReads
from app.graphiql import render_graphiql
from app.http_requests import (
    GRAPHQL_RESPONSE_JSON,
    JSON,
    REQUEST_ID_HEADER,
    HttpProblem,
    error_code,
    error_extension,
    error_response,
    is_request_error,
    negotiate,
    no_query,
    read_params,
    request_id_for,
    wants_graphiql,
)
from app.persisted_queries import (
    NOT_FOUND_CODE,
    NOT_FOUND_MESSAGE,
    PersistedQuery,
    PersistedQueryError,
    PersistedQueryStore,
    requested,
)
from app.uploads import fingerprintable, is_multipart, read_multipart
from app.websocket import LegacyWSHandler, TransportWSHandler, WsContext
from core.db_backend import UNAVAILABLE_MESSAGE, is_unavailable, report_unavailable
from core.logs import REQUEST_ID
from core.request_context import CLIENT, client_facts
from core.settings import Settings
from engine.compiler.runner import ReadCompiler
from engine.context import Context
from engine.errors import present_errors
from engine.limits import document_problem, runs_mutation
from resolvers.identity.auth import authenticate, bearer_token
from services import Services, build_services

log = logging.getLogger("lingograph.http")

_ALLOWED_OPERATIONS = {
    "GET": frozenset({OperationType.QUERY}),
    "POST": frozenset({OperationType.QUERY, OperationType.MUTATION}),
}


class TokenRejected(Exception):
    """The request carried a bearer token that is malformed, unknown, expired or revoked."""


class GraphQLApp(
    CompiledReads, GraphQL[Context, object]
):  # the context type; no root value is used
    graphql_transport_ws_handler_class = TransportWSHandler
    graphql_ws_handler_class = LegacyWSHandler

    def __init__(self, schema: Any, settings: Settings, services: Services | None = None) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql else None,
            allow_queries_via_get=True,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL),
            # Cross-origin WebSocket handshakes from other origins are refused (403); clients
            # without an Origin header and same-origin pages are always let through.
            allowed_origins=settings.allowed_origins,
        )
        self.settings = settings
        self.services = services or build_services(settings)
        self.persisted_queries = PersistedQueryStore(settings.persisted_query_limit)
        self.compiler = ReadCompiler(schema, settings) if settings.read_compiler else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        request_id = request_id_for(request.headers)
        request.state.request_id = request_id
        REQUEST_ID.set(request_id)  # every log line of this request carries it
        request.state.uploads = []  # files of a multipart request (app/uploads.py)
        try:
            response = await self.handle_http(request)
        except Exception as error:  # anything unexpected outside resolvers
            if is_unavailable(error):  # e.g. the database is away while authenticating
                report_unavailable(error)
                response = self.unavailable_response(JSON, request_id)
            else:
                log.exception("unexpected error (request %s)", request_id)
                response = self.error_response(
                    500, "internal error", JSON, "INTERNAL", {"requestId": request_id}
                )
        response.headers[REQUEST_ID_HEADER] = request_id
        try:
            await response(scope, receive, send)
        finally:
            for upload in request.state.uploads:
                upload.close()

    async def handle_http(self, request: Request) -> Response:
        method = request.method
        if method not in _ALLOWED_OPERATIONS:
            return self.error_response(
                405,
                "GraphQL over HTTP uses GET or POST.",
                JSON,
                "METHOD_NOT_ALLOWED",
                headers={"Allow": "GET, POST"},
            )
        if self.graphql_ide and wants_graphiql(request):
            return await self.render_graphql_ide(request)
        media_type = negotiate(request.headers.get("accept"))
        if media_type is None:
            return self.error_response(
                406,
                f"Accept {GRAPHQL_RESPONSE_JSON} or {JSON}.",
                JSON,
                "NOT_ACCEPTABLE",
            )
        try:
            if is_multipart(request):
                params, request.state.uploads = await read_multipart(
                    request, self.settings.max_body_bytes, self.settings.max_upload_bytes
                )
            else:
                params = await read_params(request, self.settings.max_body_bytes)
            try:
                persisted = requested(params)
            except PersistedQueryError as error:
                raise HttpProblem(400, error.message, error.code) from error
            if persisted is not None and persisted.query is None:
                stored = await self.persisted_queries.get(persisted.sha256)
                if stored is None:
                    # Not a request error: the client retries with the text (200 either way).
                    not_found = {
                        "message": NOT_FOUND_MESSAGE,
                        "extensions": {"code": NOT_FOUND_CODE},
                    }
                    return self.graphql_response({"errors": [not_found]}, media_type, False)
                params["query"] = stored
            elif not params.get("query"):
                raise no_query()
            return await self.execute_http(request, params, media_type, persisted)
        except HttpProblem as problem:
            return self.error_response(
                problem.status, problem.message, media_type, problem.code, headers=problem.headers
            )
        except TokenRejected:
            # One rule on both transports (README, "Authentication"): a bad token is reported,
            # never read as anonymous. 200 under application/json, so Apollo and urql hand the
            # error to the application; 401 under application/graphql-response+json.
            status = 401 if media_type == GRAPHQL_RESPONSE_JSON else 200
            return self.error_response(
                status,
                "The bearer token is invalid, expired or revoked.",
                media_type,
                "UNAUTHENTICATED",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )

    async def execute_http(
        self,
        request: Request,
        params: dict[str, Any],
        media_type: str,
        persisted: PersistedQuery | None = None,
    ) -> Response:
        problem = document_problem(
            params["query"], params.get("operationName"), self.settings, params.get("variables")
        )
        if problem is not None:  # a request error, before anything is validated or runs
            error = {"message": problem.message, "extensions": problem.extensions}
            return self.graphql_response({"errors": [error]}, media_type, True)
        remembered = await self.compiled_for_remembered_viewer(
            request, params, media_type, persisted
        )
        if remembered is not None:
            return remembered
        sub_response = await self.get_sub_response(request)
        context = await self.get_context(request, response=sub_response)
        key = request.headers.get(idempotency.HEADER)
        answer = functools.partial(
            self.answer, request, params, media_type, persisted, context, sub_response
        )
        if (
            key is not None
            and request.method == "POST"
            and runs_mutation(params["query"], params.get("operationName"), self.settings)
        ):
            try:
                run = idempotency.IdempotentRun(
                    owner=f"user:{context.viewer.id}"
                    if context.viewer is not None
                    else f"address:{context.client_address}",
                    key=idempotency.checked_key(key),
                    fingerprint=idempotency.fingerprint(fingerprintable(params)),
                    ttl_hours=self.settings.idempotency_key_ttl_hours,
                )
                return await run.run(answer)
            except idempotency.KeyProblem as refused:
                raise HttpProblem(refused.status, refused.message, refused.code) from refused
        return await answer()

    async def answer(
        self,
        request: Request,
        params: dict[str, Any],
        media_type: str,
        persisted: PersistedQuery | None,
        context: Context,
        sub_response: Any,
    ) -> Response:
        """Execute the operation and build the HTTP answer."""
        if not getattr(request.state, "compiler_declined", False):
            compiled, _ = await self.compiled(params, context.viewer)
            if compiled is not None:
                return await self.compiled_response(compiled, media_type, persisted, context.viewer)
        try:
            result = await self.schema.execute(
                params["query"],
                variable_values=params.get("variables"),
                context_value=context,
                root_value=await self.get_root_value(request),
                operation_name=params.get("operationName") or None,
                allowed_operation_types=_ALLOWED_OPERATIONS[request.method],
                operation_extensions=params.get("extensions"),
            )
        except InvalidOperationTypeError as error:
            if error.operation_type == OperationType.MUTATION:
                # The spec: a mutation over GET is 405, and it must not run.
                raise HttpProblem(
                    405,
                    "Mutations need POST.",
                    "METHOD_NOT_ALLOWED",
                    headers={"Allow": "POST"},
                ) from error
            raise HttpProblem(
                400, "Subscriptions are served over the WebSocket at this URL.", "BAD_REQUEST"
            ) from error
        except CannotGetOperationTypeError as error:
            # The operation to run cannot be chosen: a GraphQL request error.
            return self.graphql_response(
                {"errors": [{"message": error.as_http_error_reason()}]}, media_type, True
            )
        except MissingQueryError as error:
            raise no_query() from error

        if result.errors:
            result.errors = present_errors(result.errors, context.request_id)
        body = await self.process_result(request, result)
        request_error = is_request_error(result)
        if request_error:
            body.pop("data", None)
        if result.errors:
            self._handle_errors(result.errors, body)
        if persisted is not None and persisted.query is not None and not request_error:
            await self.persisted_queries.put(persisted.sha256, persisted.query)  # it validated
        response = self.graphql_response(body, media_type, request_error)
        errors = result.errors or ()
        if any(error_code(e) == "UNAVAILABLE" for e in errors):
            response.status_code = 503
            response.headers["Retry-After"] = str(self.settings.retry_after_seconds)
        waits = [
            error_extension(e, "retryAfter") for e in errors if error_code(e) == "RATE_LIMITED"
        ]
        if waits:  # the same advice as the error's, for clients and proxies reading headers
            response.headers["Retry-After"] = str(max(w for w in waits if isinstance(w, int)))
        self.set_cache_headers(response, context.viewer)
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        if sub_response.background:
            response.background = sub_response.background
        return response

    def encode_body(self, data: object) -> bytes:
        """HTTP bodies: orjson, several times faster than `json.dumps` on large answers."""
        try:
            return orjson.dumps(data)
        except TypeError:  # e.g. an integer beyond 64 bits inside a JSON scalar
            return json.dumps(data, separators=(",", ":")).encode()

    def encode_json(self, data: object) -> str:
        """WebSocket messages: Strawberry's adapter sends `str` as a text frame and `bytes` as
        a binary one; browsers, the `graphql-ws` client and GraphiQL need text frames."""
        return self.encode_body(data).decode()

    def graphql_response(
        self, body: Mapping[str, object], media_type: str, request_error: bool
    ) -> Response:
        status = 400 if request_error and media_type == GRAPHQL_RESPONSE_JSON else 200
        return Response(
            self.encode_body(body), status_code=status, media_type=f"{media_type}; charset=utf-8"
        )

    def unavailable_response(self, media_type: str, request_id: str) -> Response:
        """503 with `Retry-After`: the database cannot answer now (a timeout, an outage)."""
        return self.error_response(
            503,
            UNAVAILABLE_MESSAGE,
            media_type,
            "UNAVAILABLE",
            {"requestId": request_id},
            headers={"Retry-After": str(self.settings.retry_after_seconds)},
        )

    def error_response(
        self,
        status: int,
        message: str,
        media_type: str,
        code: str,
        extensions: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        return error_response(status, message, code, media_type, extensions, headers)

    async def get_context(self, request: Request | WebSocket, response: Any = None) -> Context:
        if isinstance(request, WebSocket):
            context: Context = WsContext(
                request=request, settings=self.settings, services=self.services
            )
        else:
            request_id = getattr(request.state, "request_id", None) or request_id_for(
                request.headers
            )
            context = Context(
                request=request,
                settings=self.settings,
                request_id=request_id,
                services=self.services,
            )
        # Who is asking, for the audit log (core/request_context.py): this task runs the
        # request's operations (a WebSocket's: the tasks it starts), so they all see it.
        CLIENT.set(
            client_facts(
                context.client_address, request.headers.get("user-agent"), context.request_id
            )
        )
        # Non-browser WebSocket clients may authenticate the handshake with the header too.
        authorization = request.headers.get("authorization")
        if bearer_token(authorization):
            authenticated = await authenticate(authorization)
            if authenticated is None:
                if not isinstance(context, WsContext):
                    raise TokenRejected
                context.token_rejected = True  # closes the socket in on_ws_connect
            else:
                context.viewer, context.token = authenticated
        return context

    async def on_ws_connect(self, context: Any) -> Any:
        """`connection_init` payload `{"authorization": "Bearer <token>"}` sets the viewer.

        A token that is invalid, expired or revoked closes the connection (graphql-transport-ws:
        4403; graphql-ws: connection_error), rather than silently continuing anonymously.
        """
        if context.token_rejected:
            raise ConnectionRejectionError({"reason": "invalid or expired token"})
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        authorization = params.get("authorization") or params.get("Authorization")
        # GraphiQL sends its headers as the payload; its untouched "Bearer " means anonymous.
        if bearer_token(authorization if isinstance(authorization, str) else None):
            authenticated = await authenticate(authorization)
            if authenticated is None:
                raise ConnectionRejectionError({"reason": "invalid or expired token"})
            context.viewer, context.token = authenticated
        return UNSET  # a plain connection_ack, without a payload

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(render_graphiql())
