"""The one error type for expected failures.

Use cases (resolvers/) raise `AppError`; the schema layer turns it into a `UserError` in the
mutation payload (or a GraphQL error with the code in `extensions` for queries). Anything
else that escapes is unexpected and gets masked by the HTTP layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ErrorCode(str, Enum):
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    TOO_SHORT = "TOO_SHORT"
    TOO_LONG = "TOO_LONG"
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"
    UNIQUE = "UNIQUE"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_TOKEN = "INVALID_TOKEN"
    EXPIRED_TOKEN = "EXPIRED_TOKEN"
    RATE_LIMITED = "RATE_LIMITED"
    NO_HEARTS = "NO_HEARTS"
    LOCKED = "LOCKED"
    PAYMENT_REQUIRED = "PAYMENT_REQUIRED"
    NOT_STARTED = "NOT_STARTED"
    SESSION_CLOSED = "SESSION_CLOSED"
    CYCLE = "CYCLE"
    UNAVAILABLE = "UNAVAILABLE"
    ATTEMPTS_EXHAUSTED = "ATTEMPTS_EXHAUSTED"
    ALREADY_SUBMITTED = "ALREADY_SUBMITTED"
    DEADLINE_PASSED = "DEADLINE_PASSED"
    CAPACITY_REACHED = "CAPACITY_REACHED"
    TOO_LARGE = "TOO_LARGE"  # an upload over its size limit (MAX_UPLOAD_BYTES)
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"  # the account was deactivated (or deleted)
    # A provider sign-in found an account with its email that may not be linked on the spot:
    # sign in as before, then call linkProvider.
    ACCOUNT_EXISTS = "ACCOUNT_EXISTS"
    PROVIDER_NOT_CONFIGURED = "PROVIDER_NOT_CONFIGURED"  # no client id for that provider
    PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE"  # its signing keys cannot be fetched now


@dataclass(frozen=True)
class FieldError:
    code: ErrorCode
    message: str
    field: str | None = None


class AppError(Exception):
    """An expected failure carrying one or more field errors."""

    def __init__(self, errors: FieldError | list[FieldError]) -> None:
        self.errors = errors if isinstance(errors, list) else [errors]
        super().__init__("; ".join(e.message for e in self.errors))

    @classmethod
    def of(cls, code: ErrorCode, message: str, field: str | None = None) -> AppError:
        return cls(FieldError(code=code, message=message, field=field))


NOT_SIGNED_IN = "You must be signed in."


def not_signed_in() -> AppError:
    """The refusal every mutation gives an anonymous caller (payload error, field null)."""
    return AppError.of(ErrorCode.UNAUTHENTICATED, NOT_SIGNED_IN, None)


def not_found(what: str, field: str | None = "id") -> AppError:
    return AppError.of(ErrorCode.NOT_FOUND, f"{what} not found.", field)


class Validator:
    """Collects every field error of an input before failing, so the user sees them all."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str | None, code: ErrorCode, message: str) -> None:
        self.errors.append(FieldError(code=code, message=message, field=field))

    def check(self, condition: bool, field: str | None, code: ErrorCode, message: str) -> None:
        if not condition:
            self.add(field, code, message)

    def text(
        self, field: str, value: str | None, max_length: int, *, required: str | None = None
    ) -> None:
        """A text input, trimmed: not blank when `required` (the message then), and at most
        `max_length` characters. None (not given) passes."""
        if value is None:
            return
        if required is not None and not value.strip():
            self.add(field, ErrorCode.REQUIRED, required)
        elif len(value.strip()) > max_length:
            self.add(field, ErrorCode.TOO_LONG, f"At most {max_length} characters.")

    def raise_if_any(self) -> None:
        if self.errors:
            raise AppError(self.errors)
