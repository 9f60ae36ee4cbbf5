"""Webhook signatures: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, several
v1 values, 5 minutes of tolerance either way, and Stripe's own check agreeing. No database."""

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.commerce.signatures import (
    DEFAULT_TOLERANCE,
    MAX_HEADER_LENGTH,
    SignatureProblem,
    expected_signature,
    parse_header,
    sign,
    verify,
)
from tests.commerce.properties import PROPERTIES

SECRET = "whsec_test"
BODY = b'{"id":"evt_1","type":"payment.succeeded"}'
T = 1_700_000_000
# Computed independently: printf '%s' '1700000000.<BODY>' | openssl dgst -sha256 -hmac whsec_test
KNOWN = "3d34f860ecc2c5fc3978518b0564a6649bd191eb2caa286ec3976e3bc9929d7d"
OTHER = "0" * 64


def test_the_signature_is_the_hmac_sha256_of_the_timestamp_a_dot_and_the_raw_body() -> None:
    assert expected_signature(SECRET, BODY, T) == KNOWN
    assert sign(SECRET, BODY, T) == f"t={T},v1={KNOWN}"
    assert expected_signature(SECRET.encode(), BODY, T) == KNOWN


def test_a_correct_signature_verifies() -> None:
    assert verify(SECRET, sign(SECRET, BODY, T), BODY, now=T) is None
    assert verify(SECRET.encode(), sign(SECRET, BODY, T), BODY, now=T) is None


@pytest.mark.parametrize(
    "header",
    [
        f"t={T},v1={OTHER},v1={KNOWN}",  # a sender rolling its secret signs twice
        f"t={T},v1={KNOWN},v1={OTHER}",
        f"v1={KNOWN},t={T}",  # the order of the pairs does not matter
        f"t={T},v0=abc,v1={KNOWN}",  # other schemes are skipped
        f"t={T},v1={KNOWN},foo=bar",  # so are unknown keys
        f"t={T}, v1={KNOWN}",  # spaces around the pairs
        f"t={T},v1={KNOWN.upper()}",  # hex in either case
        f"t={T},v1=not-hex,v1={KNOWN}",  # a value that cannot be a MAC is dropped
    ],
)
def test_one_matching_v1_among_several_is_enough(header: str) -> None:
    assert verify(SECRET, header, BODY, now=T) is None


@pytest.mark.parametrize("header", [None, "", "   "])
def test_a_missing_header_is_refused(header: str | None) -> None:
    assert verify(SECRET, header, BODY, now=T) is SignatureProblem.MISSING


@pytest.mark.parametrize(
    "header",
    [
        KNOWN,  # the bare MAC
        f"v1={KNOWN}",  # no timestamp
        f"t={T}",  # no signature
        f"t={T},v1=",  # an empty one
        f"t={T},v1=abc",  # too short to be a SHA-256
        f"t={T},t={T},v1={KNOWN}",  # two timestamps
        f"t=-{T},v1={KNOWN}",  # a signed number
        f"t={T}.5,v1={KNOWN}",  # a fraction
        f"t=,v1={KNOWN}",
        f"t=abc,v1={KNOWN}",
        f"t={T};v1={KNOWN}",  # not comma-separated
        f"t={T},v1={KNOWN},junk",  # a part without "="
        f"t={T},v1={KNOWN},x=é",  # not ASCII
        f"t={T},v1={KNOWN}," + "x=1," * MAX_HEADER_LENGTH,  # too long to be a signature
    ],
)
def test_a_malformed_header_is_refused(header: str) -> None:
    assert verify(SECRET, header, BODY, now=T) is SignatureProblem.MALFORMED


def test_parse_header_gives_the_timestamp_and_the_v1_values_in_lower_case() -> None:
    assert parse_header(f"t={T},v1={KNOWN.upper()},v1={OTHER}") == (T, [KNOWN, OTHER])
    assert parse_header("t=1") is None


@pytest.mark.parametrize(
    ("secret", "body", "header"),
    [
        ("whsec_other", BODY, sign(SECRET, BODY, T)),  # another secret
        (SECRET, BODY + b" ", sign(SECRET, BODY, T)),  # one byte more
        (SECRET, BODY.replace(b'"evt_1"', b'"evt_2"'), sign(SECRET, BODY, T)),
        # Reformatted JSON means the same but is not what was signed.
        (SECRET, b'{"id": "evt_1", "type": "payment.succeeded"}', sign(SECRET, BODY, T)),
        (SECRET, BODY, f"t={T + 1},v1={KNOWN}"),  # the timestamp is signed too
        (SECRET, BODY, f"t={T},v1={OTHER}"),
    ],
)
def test_a_wrong_signature_is_refused(secret: str, body: bytes, header: str) -> None:
    assert verify(secret, header, body, now=T) is SignatureProblem.MISMATCH


@pytest.mark.parametrize(
    ("now", "problem"),
    [
        (T, None),
        (T + DEFAULT_TOLERANCE, None),  # exactly 5 minutes old: still accepted
        (T + DEFAULT_TOLERANCE + 1, SignatureProblem.STALE),
        (T + 86_400, SignatureProblem.STALE),
        (T - DEFAULT_TOLERANCE, None),  # a sender's clock 5 minutes ahead
        (T - DEFAULT_TOLERANCE - 1, SignatureProblem.FUTURE),
    ],
)
def test_the_timestamp_must_be_within_five_minutes_of_now(
    now: int, problem: SignatureProblem | None
) -> None:
    assert DEFAULT_TOLERANCE == 300
    assert verify(SECRET, sign(SECRET, BODY, T), BODY, now=now) is problem


def test_the_tolerance_can_be_set() -> None:
    header = sign(SECRET, BODY, T)
    assert verify(SECRET, header, BODY, now=T + 10, tolerance=5) is SignatureProblem.STALE
    assert verify(SECRET, header, BODY, now=T + 5, tolerance=5) is None


def test_the_signature_is_checked_before_the_time() -> None:
    # A forged, stale request learns only that its signature is wrong.
    header = f"t={T},v1={OTHER}"
    assert verify(SECRET, header, BODY, now=T + 10_000) is SignatureProblem.MISMATCH


@pytest.mark.parametrize("secret", ["", b""])
def test_an_empty_secret_is_a_configuration_error_never_no_check(secret: str | bytes) -> None:
    with pytest.raises(ValueError, match="secret"):
        sign(secret, BODY, T)
    with pytest.raises(ValueError, match="secret"):
        verify(secret, None, BODY, now=T)


def test_every_problem_has_a_message() -> None:
    assert {problem.message for problem in SignatureProblem} == {
        "The signature header is missing.",
        "The signature header is malformed.",
        "The signature does not match.",
        "The signature's timestamp is too old.",
        "The signature's timestamp is in the future.",
    }


@PROPERTIES
@given(st.binary(max_size=2048), st.integers(0, 10**11), st.text(min_size=1, max_size=40))
def test_what_is_signed_verifies(body: bytes, t: int, secret: str) -> None:
    assert verify(secret, sign(secret, body, t), body, now=t) is None


@PROPERTIES
@given(st.binary(min_size=1, max_size=512), st.data())
def test_changing_any_byte_breaks_the_signature(body: bytes, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(body) - 1))
    flip = data.draw(st.integers(1, 255))
    changed = body[:index] + bytes([body[index] ^ flip]) + body[index + 1 :]
    assert verify(SECRET, sign(SECRET, body, T), changed, now=T) is SignatureProblem.MISMATCH


def test_stripe_accepts_what_we_sign() -> None:
    """Stripe's scheme is ours: its own check accepts our header (run once the stripe
    package is installed)."""
    stripe = pytest.importorskip("stripe")
    body = (
        b'{"id": "evt_1", "object": "event", "type": "checkout.session.completed",'
        b' "data": {"object": {"id": "cs_test_1", "object": "checkout.session"}}}'
    )
    now = int(time.time())  # construct_event reads the clock itself
    event = stripe.Webhook.construct_event(body, sign(SECRET, body, now), SECRET)
    assert event["id"] == "evt_1"
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(body, sign("whsec_other", body, now), SECRET)
