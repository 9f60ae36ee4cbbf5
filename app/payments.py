"""Payment routes: the providers' webhooks, the local provider's pay page, the way back.

- `POST /webhooks/payments/{provider}`: the raw body and headers go to the commerce use case
  (resolvers/commerce/webhooks.py `receive_webhook`), which verifies, records and applies
  the event once. `provider` must be the one configured (PAYMENT_PROVIDER), else 404.
  Answers: 200 `{"received": true, "outcome": "applied" | "ignored" | "duplicate"}`; a
  refusal in the app's one error shape (app/http_requests.py `error_response`,
  `{"errors": [{"message", "extensions": {"code"}}]}`) with its status: 400 (`MALFORMED`,
  `INVALID`: a bad body, a wrong amount), 401 (`SIGNATURE`), 404 (`NOT_FOUND`: no such
  provider, transaction or subscription), 413 (over MAX_BODY_BYTES), 405 for other
  methods; 503 `UNAVAILABLE` when the database is away and 500 `INTERNAL` otherwise, both of
  which the provider retries.
- Only with PAYMENT_PROVIDER=local: `GET /payments/local/checkout/{transaction id}` shows
  what is bought and its amount, with Pay and Decline buttons while the checkout is
  pending; `POST .../pay` and `POST .../decline` make the app deliver the local provider's
  correctly signed `payment.succeeded` / `payment.failed` event to its own webhook route,
  then send the learner to the checkout's return URL with `status=paid|declined`. The
  event goes through real HTTP to the socket this server listens on (never to an address
  the request names, so a forged Host cannot make it post elsewhere); when that is not
  reachable (an in-process ASGI client) it is handed to `receive_webhook` directly. A
  refused event shows an error page (502) instead of the redirect.
- `GET /payments/return`: where providers send the learner back; says how it went.
Pages are small HTML with every value escaped; none is cached.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from string import Template
from typing import Any

import httpx
import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from app.http_requests import (
    REQUEST_ID_HEADER,
    HttpProblem,
    error_response,
    read_body,
    request_id_for,
)
from core.db_backend import UNAVAILABLE_MESSAGE, is_unavailable, report_unavailable
from core.logs import REQUEST_ID
from core.settings import Settings
from engine.ids import decode_global_id
from resolvers.commerce.checkout import checkout_page
from resolvers.commerce.pricing import configured_plans
from resolvers.commerce.webhooks import receive_webhook
from rules.commerce.money import render
from rules.commerce.transactions import PENDING
from services.payments.base import (
    DECLINED,
    PAID,
    PAYMENT_FAILED,
    PAYMENT_SUCCEEDED,
    Delivery,
    return_link,
)
from services.payments.local import LocalProvider

log = logging.getLogger("lingograph.payments")

WEBHOOK_PREFIX = "/webhooks/payments"
LOCAL_CHECKOUT = "/payments/local/checkout"
RETURN_PAGE = "/payments/return"
DELIVERY_TIMEOUT_SECONDS = 10.0
_NO_STORE = {"Cache-Control": "no-store"}
_PAGE_HEADERS = {
    **_NO_STORE,
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Handler = Callable[[Request], Awaitable[Response]]


def payment_routes(settings: Settings) -> list[BaseRoute]:
    """The webhook route and the return page; the pay page with the local provider only."""
    routes: list[BaseRoute] = [
        Route(WEBHOOK_PREFIX + "/{provider}", _Endpoint(_webhook, ("POST",))),
        Route(RETURN_PAGE, _Endpoint(_return_page, ("GET", "HEAD"))),
    ]
    if settings.payment_provider == LocalProvider.name:
        page = LOCAL_CHECKOUT + "/{transaction}"
        routes += [
            Route(page, _Endpoint(_pay_page, ("GET", "HEAD"))),
            Route(page + "/pay", _Endpoint(_pay, ("POST",))),
            Route(page + "/decline", _Endpoint(_decline, ("POST",))),
        ]
    return routes


class _Endpoint:
    """An ASGI endpoint, so every method reaches it and the unsupported ones are answered in
    the app's JSON shape (Starlette's own 405 is plain text)."""

    def __init__(self, handler: Handler, methods: tuple[str, ...]) -> None:
        self.handler, self.methods = handler, methods

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        request_id = request_id_for(request.headers)
        REQUEST_ID.set(request_id)
        if request.method not in self.methods:
            allowed = ", ".join(self.methods)
            response = _error(405, f"Use {allowed}.", "METHOD_NOT_ALLOWED", {"Allow": allowed})
        else:
            response = await _guarded(self.handler, request, request_id)
        response.headers[REQUEST_ID_HEADER] = request_id
        await response(scope, receive, send)


async def _guarded(handler: Handler, request: Request, request_id: str) -> Response:
    """The handler's answer; a failure is 503 (database away) or 500, never a traceback."""
    try:
        return await handler(request)
    except HttpProblem as problem:
        return _error(problem.status, problem.message, problem.code, problem.headers)
    except Exception as error:
        settings: Settings = request.app.state.settings
        if is_unavailable(error):
            report_unavailable(error)
            retry = {"Retry-After": str(settings.retry_after_seconds)}
            return _error(503, UNAVAILABLE_MESSAGE, "UNAVAILABLE", retry)
        log.exception("%s %s failed (request %s)", request.method, request.url.path, request_id)
        return error_response(
            500, "internal error", "INTERNAL", extensions={"requestId": request_id}
        )


def _error(status: int, message: str, code: str, headers: dict[str, str] | None = None) -> Response:
    return error_response(status, message, code, headers={**_NO_STORE, **(headers or {})})


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _provider(request: Request) -> Any:
    return request.app.state.services.payments


# --- webhooks ------------------------------------------------------------------------------


async def _webhook(request: Request) -> Response:
    settings, provider = _settings(request), _provider(request)
    if request.path_params["provider"] != provider.name:
        return _error(404, "No such payment provider.", "NOT_FOUND")
    body = await read_body(request, settings.max_body_bytes)
    result = await receive_webhook(provider, request.headers, body, configured_plans(settings))
    if not result.received:
        return _error(result.status, result.message, result.code or "INVALID")
    answer = {"received": True, "outcome": result.outcome}
    return Response(orjson.dumps(answer), media_type="application/json", headers=_NO_STORE)


# --- the local provider's pay page -----------------------------------------------------------

_PAGE = Template("""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>$title</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
.amount{font-size:2rem;font-weight:600}form{display:inline-block;margin-right:.5rem}
button{font-size:1rem;padding:.5rem 1.5rem;cursor:pointer}.note{color:#666}</style>
</head><body><h1>$title</h1>$content</body></html>
""")
_BUTTONS = Template("""<form method="post" action="$pay"><button type="submit">Pay</button></form>
<form method="post" action="$decline"><button type="submit">Decline</button></form>""")


def _page(title: str, content: str, status: int = 200) -> HTMLResponse:
    """A page; `content` is HTML already escaped by the caller."""
    body = _PAGE.substitute(title=html.escape(title), content=content)
    return HTMLResponse(body, status_code=status, headers=_PAGE_HEADERS)


def _not_found_page() -> HTMLResponse:
    return _page("Checkout not found", "<p>There is no such checkout.</p>", 404)


async def _pay_page(request: Request) -> Response:
    gid = request.path_params["transaction"]
    transaction_id = decode_global_id(gid, "Transaction")
    page = None if transaction_id is None else await checkout_page(transaction_id, "local")
    if page is None:
        return _not_found_page()
    row = page.transaction
    content = (
        f"<p>{html.escape(page.description)}</p>"
        f'<p class="amount">{html.escape(render(row.amount))} {html.escape(row.currency)}</p>'
    )
    if page.status == PENDING:
        here = f"{LOCAL_CHECKOUT}/{html.escape(gid, quote=True)}"
        content += _BUTTONS.substitute(pay=here + "/pay", decline=here + "/decline")
        content += '<p class="note">Local test payments: no money moves.</p>'
    else:
        content += f"<p>This checkout is {html.escape(page.status)}.</p>"
    return _page("Checkout", content)


async def _pay(request: Request) -> Response:
    return await _answer_checkout(request, PAYMENT_SUCCEEDED, PAID)


async def _decline(request: Request) -> Response:
    return await _answer_checkout(request, PAYMENT_FAILED, DECLINED)


async def _answer_checkout(request: Request, event_type: str, outcome: str) -> Response:
    gid = request.path_params["transaction"]
    transaction_id = decode_global_id(gid, "Transaction")
    page = None if transaction_id is None else await checkout_page(transaction_id, "local")
    provider = _provider(request)
    if page is None or not isinstance(provider, LocalProvider):
        return _not_found_page()
    row = page.transaction
    delivery = provider.event(
        event_type,
        transaction_id=gid,
        provider_transaction_id=row.provider_transaction_id,
        amount=row.amount,
        currency=row.currency,
        now=int(datetime.now(UTC).timestamp()),
    )
    problem = await _deliver(request, delivery)
    if problem is not None:
        text = f"<p>The payment could not be recorded: {html.escape(problem)}</p>"
        return _page("Payment not recorded", text, 502)
    back = return_link(page.return_url or RETURN_PAGE, gid, outcome)
    return RedirectResponse(back, status_code=303, headers=_NO_STORE)


def _own_address(request: Request) -> str | None:
    """This server's listening socket, as a base URL (never the request's Host)."""
    server = request.scope.get("server")
    if not server or server[1] is None:
        return None
    host, port = server
    if host in ("0.0.0.0", "::", ""):  # listening everywhere: loopback reaches it
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}{request.scope.get('root_path', '')}"


async def _deliver(request: Request, delivery: Delivery) -> str | None:
    """Deliver the local provider's event to our own webhook route; why it was refused, or
    None when it was received."""
    base = _own_address(request)
    if base is None:
        log.info("no listening socket to deliver to: delivering in-process")
    else:
        try:
            async with httpx.AsyncClient(timeout=DELIVERY_TIMEOUT_SECONDS) as client:
                answer = await client.post(
                    f"{base}{WEBHOOK_PREFIX}/local",
                    content=delivery.body,
                    headers=delivery.headers,
                )
        except httpx.HTTPError as error:
            log.info("self-delivery to %s failed (%s): delivering in-process", base, error)
        else:
            if answer.status_code < 400:
                return None
            return f"{answer.status_code} {answer.text[:200]}"
    plans = configured_plans(_settings(request))
    result = await receive_webhook(_provider(request), delivery.headers, delivery.body, plans)
    return None if result.received else f"{result.status} {result.code}: {result.message}"


# --- the way back ----------------------------------------------------------------------------

_OUTCOMES = {
    PAID: ("Payment received", "Thank you: your purchase is being confirmed."),
    DECLINED: ("Payment declined", "Nothing was charged. You can try again."),
}


async def _return_page(request: Request) -> Response:
    status = request.query_params.get("status", "")
    title, text = _OUTCOMES.get(status, ("Checkout", "You can close this page."))
    return _page(title, f"<p>{html.escape(text)}</p>")
