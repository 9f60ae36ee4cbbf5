"""Users, their bearer tokens, and the identity operations tests run as a client."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from core.jobs import wait_until_idle
from core.security import new_token
from models.identity import AuthToken, OutboxMessage, Role, SubscriptionTier, User
from tests.graphql_client import GraphQLClient, operation

IDENTITY_OPS = operation("identity.graphql")

# A precomputed argon2id hash of DEFAULT_PASSWORD: hashing per factory call would cost ~160 ms.
DEFAULT_PASSWORD = "correct horse battery"
_counter = itertools.count(1)
_hash_cache: dict[str, str] = {}


async def password_hash(password: str = DEFAULT_PASSWORD) -> str:
    if password not in _hash_cache:
        from core.security import hash_password

        _hash_cache[password] = await hash_password(password)
    return _hash_cache[password]


async def create_user(
    email: str | None = None,
    password: str = DEFAULT_PASSWORD,
    role: Role = Role.STUDENT,
    timezone: str = "UTC",
    tier: SubscriptionTier = SubscriptionTier.FREE,
    **fields: Any,  # more User columns, as User.create takes them
) -> User:
    n = next(_counter)
    return await User.create(
        email=email or f"user{n}-{datetime.now(UTC).timestamp():.0f}@example.com",
        display_name=fields.pop("display_name", f"User {n}"),
        password_hash=await password_hash(password),
        role=role,
        timezone=timezone,
        subscription_tier=tier,
        **fields,
    )


async def token_for(user: User, days: int = 30) -> str:
    raw, digest = new_token()
    await AuthToken.create(
        user=user, token_hash=digest, expires_at=datetime.now(UTC) + timedelta(days=days)
    )
    return raw


async def signed_in(role: Role = Role.STUDENT, **fields: Any) -> tuple[User, str]:
    user = await create_user(role=role, **fields)
    return user, await token_for(user)


async def mailed_token(email: str, subject_contains: str) -> str:
    """The token in the newest outbox message to `email` whose subject contains the text."""
    await wait_until_idle()  # mail is sent by jobs
    message = (
        await OutboxMessage.filter(to=email, subject__icontains=subject_contains)
        .order_by("-created_at")
        .first()
    )
    assert message is not None, f"no {subject_contains!r} mail to {email}"
    found = re.search(r"^Token: (\S+)$", message.body, re.MULTILINE)
    assert found is not None, message.body
    return found.group(1)


async def log_in(gql: GraphQLClient, email: str, password: str) -> dict:
    variables = {"email": email, "password": password}
    return (await gql(IDENTITY_OPS, variables, operation_name="LogIn"))["logIn"]


async def me(gql: GraphQLClient, token: str) -> dict[str, Any] | None:
    return (await gql(IDENTITY_OPS, token=token, operation_name="Me"))["me"]


async def viewer(gql: GraphQLClient, token: str) -> dict[str, Any]:
    """`me` for a token that must sign its bearer in."""
    found = await me(gql, token)
    assert found is not None, "the token reads as anonymous"
    return found


# The whole answer to any HTTP request carrying a bad, expired or revoked bearer token.
TOKEN_REJECTED = {
    "errors": [
        {
            "message": "The bearer token is invalid, expired or revoked.",
            "extensions": {"code": "UNAUTHENTICATED"},
        }
    ]
}


async def token_refused(gql: GraphQLClient, token: str) -> bool:
    """True when `me` with this token answers the rejected-token error (nothing runs)."""
    return await gql.raw(IDENTITY_OPS, token=token, operation_name="Me") == TOKEN_REJECTED


# A mutation's payload `errors` when nobody is signed in (the same on every mutation).
NOT_SIGNED_IN = [{"field": None, "message": "You must be signed in.", "code": "UNAUTHENTICATED"}]
