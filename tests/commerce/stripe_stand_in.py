"""A stand-in for the parts of Stripe's API the provider calls, served on a loopback port
(tests/servers.py), and webhook fixtures signed with Stripe's documented scheme.

The API: POST /v1/checkout/sessions, GET /v1/checkout/sessions/{id}, POST /v1/refunds. It
records every request (method, path, the form-encoded parameters flattened as Stripe sends
them, e.g. `line_items[0][price_data][unit_amount]`, and the headers) and keeps the
sessions it made; `pay` marks one paid as Stripe would once the learner pays. `fail_next`
makes the next request answer a Stripe error. Nothing leaves the machine.

Webhooks: `signed` serialises an event and signs it as Stripe does (`t=<t>,v1=<hex
HMAC-SHA256 of "<t>.<payload>">`, made by rules/commerce/signatures.py `sign`, which is that
scheme), for the provider to verify with the package's own `construct_event`.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl
from uuid import uuid4

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from rules.commerce.signatures import sign
from tests.servers import serve

API_KEY = "sk_test_stand_in"
WEBHOOK_SECRET = "whsec_stand_in"


@dataclass
class Recorded:
    method: str
    path: str
    form: dict[str, str]
    headers: dict[str, str]


@dataclass
class StripeStandIn:
    requests: list[Recorded] = field(default_factory=list)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: list[dict[str, Any]] = field(default_factory=list)
    # (status, error object) answered to the next request, then cleared.
    fail_next: tuple[int, dict[str, Any]] | None = None
    # As Stripe: a POST repeating an Idempotency-Key gets the first answer again.
    answers: dict[str, Response] = field(default_factory=dict)
    url: str = ""

    def reset(self) -> None:
        self.requests.clear()
        self.sessions.clear()
        self.refunds.clear()
        self.answers.clear()
        self.fail_next = None

    def pay(self, session_id: str) -> str:
        """The learner paid: the session completes with a payment intent (its id)."""
        session = self.sessions[session_id]
        session.update(
            status="complete", payment_status="paid", payment_intent=f"pi_{uuid4().hex[:24]}"
        )
        return str(session["payment_intent"])


def _error(status: int, message: str, code: str | None = None) -> JSONResponse:
    error = {"type": "invalid_request_error", "message": message, "code": code}
    return JSONResponse({"error": error}, status_code=status)


def _nested(form: dict[str, str], prefix: str) -> dict[str, str]:
    """`metadata[key]=value` parameters as {key: value}."""
    found = {}
    for key, value in form.items():
        inner = key[len(prefix) + 1 : -1]
        if key.startswith(f"{prefix}[") and key.endswith("]") and "[" not in inner:
            found[inner] = value
    return found


def stand_in_app(state: StripeStandIn) -> Starlette:
    async def record(request: Request) -> Recorded | Response:
        form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
        if request.method == "GET":
            form = dict(request.query_params)
        state.requests.append(
            Recorded(request.method, request.url.path, form, dict(request.headers))
        )
        if request.headers.get("authorization") != f"Bearer {API_KEY}":
            return _error(401, "Invalid API Key provided.")
        if state.fail_next is not None:
            status, error = state.fail_next
            state.fail_next = None
            return JSONResponse({"error": error}, status_code=status)
        return state.requests[-1]

    async def create_session(request: Request) -> Response:
        recorded = await record(request)
        if isinstance(recorded, Response):
            return recorded
        form = recorded.form
        line = "line_items[0][price_data]"
        session_id = f"cs_test_{uuid4().hex}"
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": form.get("mode"),
            "url": f"https://checkout.stripe.test/c/pay/{session_id}",
            "amount_total": int(form[f"{line}[unit_amount]"])
            * int(form.get("line_items[0][quantity]", "1")),
            "currency": form[f"{line}[currency]"],
            "client_reference_id": form.get("client_reference_id"),
            "customer_email": form.get("customer_email"),
            "metadata": _nested(form, "metadata"),
            "payment_intent": None,
            "payment_status": "unpaid",
            "status": "open",
            "success_url": form.get("success_url"),
            "cancel_url": form.get("cancel_url"),
            "expires_at": int(form["expires_at"]) if "expires_at" in form else None,
        }
        state.sessions[session_id] = session
        return JSONResponse(session)

    async def get_session(request: Request) -> Response:
        recorded = await record(request)
        if isinstance(recorded, Response):
            return recorded
        session = state.sessions.get(request.path_params["session_id"])
        if session is None:
            return _error(404, "No such checkout.session", "resource_missing")
        return JSONResponse(session)

    async def create_refund(request: Request) -> Response:
        recorded = await record(request)
        if isinstance(recorded, Response):
            return recorded
        intent = recorded.form.get("payment_intent")
        paid = [s for s in state.sessions.values() if s["payment_intent"] == intent]
        if not paid:
            return _error(404, f"No such payment_intent: '{intent}'", "resource_missing")
        if any(r["payment_intent"] == intent for r in state.refunds):
            return _error(400, "Charge has already been refunded.", "charge_already_refunded")
        refund = {
            "id": f"re_{uuid4().hex[:24]}",
            "object": "refund",
            "amount": int(recorded.form.get("amount", paid[0]["amount_total"])),
            "currency": paid[0]["currency"],
            "payment_intent": intent,
            "metadata": _nested(recorded.form, "metadata"),
            "status": "succeeded",
        }
        state.refunds.append(refund)
        return JSONResponse(refund)

    def idempotent(handler: Any) -> Any:
        async def answer(request: Request) -> Response:
            key = request.headers.get("idempotency-key")
            if key is not None and key in state.answers:
                await record(request)  # recorded, not done again
                return state.answers[key]
            response: Response = await handler(request)
            if key is not None and response.status_code < 500:
                state.answers[key] = response
            return response

        return answer

    return Starlette(
        routes=[
            Route("/v1/checkout/sessions", idempotent(create_session), methods=["POST"]),
            Route("/v1/checkout/sessions/{session_id}", get_session, methods=["GET"]),
            Route("/v1/refunds", idempotent(create_refund), methods=["POST"]),
        ]
    )


@asynccontextmanager
async def running() -> AsyncIterator[StripeStandIn]:
    """The stand-in on a loopback port; `state.url` is the base to give the package."""
    state = StripeStandIn()
    async with serve(stand_in_app(state)) as base_url:
        state.url = base_url
        yield state


# --- webhook fixtures --------------------------------------------------------------------


def event(kind: str, obj: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    """A Stripe event (snapshot payload) around `obj`."""
    return {
        "id": event_id or f"evt_{uuid4().hex[:24]}",
        "object": "event",
        "api_version": "2026-01-28.clover",
        "created": 1_770_000_000,
        "livemode": False,
        "pending_webhooks": 1,
        "type": kind,
        "data": {"object": obj},
    }


def signed(
    payload: dict[str, Any] | bytes, t: int, secret: str = WEBHOOK_SECRET
) -> tuple[dict[str, str], bytes]:
    """(headers, body) as Stripe delivers an event, signed at unix time `t`."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload, indent=2).encode()
    return {"Stripe-Signature": sign(secret, body, t), "Content-Type": "application/json"}, body


def session_object(
    *,
    session_id: str = "cs_test_a1",
    transaction_id: str | None,
    amount_total: int = 1999,
    currency: str = "usd",
    payment_status: str = "paid",
    status: str = "complete",
) -> dict[str, Any]:
    metadata = {"transactionId": transaction_id} if transaction_id else {}
    return {
        "id": session_id,
        "object": "checkout.session",
        "mode": "payment",
        "amount_total": amount_total,
        "currency": currency,
        "client_reference_id": transaction_id,
        "metadata": metadata,
        "payment_intent": "pi_a1" if payment_status == "paid" else None,
        "payment_status": payment_status,
        "status": status,
    }


def charge_object(
    *,
    transaction_id: str | None,
    amount: int = 1999,
    amount_refunded: int = 1999,
    currency: str = "usd",
    payment_intent: str = "pi_a1",
) -> dict[str, Any]:
    return {
        "id": "ch_a1",
        "object": "charge",
        "amount": amount,
        "amount_refunded": amount_refunded,
        "currency": currency,
        "metadata": {"transactionId": transaction_id} if transaction_id else {},
        "payment_intent": payment_intent,
        "refunded": amount_refunded == amount,
    }


def invoice_object(
    *,
    subscription_id: str | None,
    amount_paid: int = 999,
    currency: str = "usd",
    billing_reason: str = "subscription_cycle",
    period_ends: tuple[int, ...] = (1_772_000_000,),
    legacy_shape: bool = False,
) -> dict[str, Any]:
    """An invoice; `legacy_shape`: subscription details on the invoice itself (API versions
    before 2025-03-31) instead of under `parent`."""
    details = {
        "subscription": "sub_a1",
        "metadata": {"subscriptionId": subscription_id} if subscription_id else {},
    }
    invoice: dict[str, Any] = {
        "id": "in_a1",
        "object": "invoice",
        "amount_paid": amount_paid,
        "currency": currency,
        "billing_reason": billing_reason,
        "lines": {
            "object": "list",
            "data": [
                {"id": f"il_{i}", "period": {"start": end - 2_592_000, "end": end}}
                for i, end in enumerate(period_ends)
            ],
        },
    }
    if legacy_shape:
        invoice["subscription"] = "sub_a1"
        invoice["subscription_details"] = {"metadata": details["metadata"]}
    else:
        invoice["parent"] = {"type": "subscription_details", "subscription_details": details}
    return invoice
