"""Sign-up and log-in through the frontend's operations (tests/operations/identity.graphql)."""

from __future__ import annotations

from datetime import UTC, datetime

from argon2 import PasswordHasher

from core import security
from core.jobs import wait_until_idle
from demo.identity import DEMO_ACCOUNTS, DEMO_PASSWORD
from demo.identity import load as load_demo_data
from engine.ids import global_id
from models.identity import LearningProfile, OutboxMessage, User
from tests.factories.identity import DEFAULT_PASSWORD, create_user, log_in
from tests.graphql_client import GraphQLClient, operation

OPS = operation("identity.graphql")
WRONG = [{"field": None, "message": "Wrong email or password.", "code": "INVALID_CREDENTIALS"}]


async def sign_up(gql: GraphQLClient, **variables: object) -> dict:
    data = await gql(OPS, variables, operation_name="SignUp")
    return data["signUp"]


async def test_sign_up_creates_account_profile_and_session(gql: GraphQLClient) -> None:
    result = await sign_up(
        gql,
        email="  Nova.Learner@Example.COM ",
        password="a long enough secret",
        displayName=" Nova ",
        timezone="Europe/Lisbon",
    )
    user = await User.get(email="nova.learner@example.com")
    assert result["errors"] == []
    assert result["user"] == {
        "id": global_id("User", user.id),
        "email": "nova.learner@example.com",
        "username": None,
        "displayName": "Nova",
        "role": "STUDENT",
        "timezone": "Europe/Lisbon",
        "nativeLanguage": None,
        "dailyXpGoal": 20,
        "subscriptionTier": "FREE",
        "emailVerified": False,
        "avatarUrl": None,
        "createdAt": user.created_at.isoformat(),
        "learningProfile": {
            "targetLanguage": None,
            "proficiencyLevel": "A1",
            "learningGoals": [],
            "weeklyGoalHours": 3.0,
            "preferredLessonMinutes": 10,
        },
    }
    me = await gql(OPS, token=result["token"], operation_name="Me")
    assert me["me"] == result["user"]
    assert user.password_hash is not None and user.password_hash.startswith("$argon2id$")
    await wait_until_idle()  # the verification mail is a job queued with the account
    mail = await OutboxMessage.filter(to="nova.learner@example.com").values_list(
        "subject", flat=True
    )
    assert mail == ["Confirm your lingograph email"]


async def test_sign_up_without_timezone_uses_utc(gql: GraphQLClient) -> None:
    result = await sign_up(
        gql, email="no.zone@example.com", password="0123456789", displayName="Zed"
    )
    assert result["errors"] == []
    assert result["user"]["timezone"] == "UTC"


async def test_sign_up_refuses_taken_email_in_any_case(gql: GraphQLClient) -> None:
    await create_user(email="taken@example.com")
    result = await sign_up(
        gql, email="Taken@EXAMPLE.com", password="a long enough secret", displayName="Copy"
    )
    assert result == {
        "token": None,
        "user": None,
        "errors": [
            {
                "field": "email",
                "message": "An account with this email already exists.",
                "code": "UNIQUE",
            }
        ],
    }
    assert await User.filter(email="taken@example.com").count() == 1


async def test_sign_up_reports_every_bad_field_and_writes_nothing(gql: GraphQLClient) -> None:
    result = await sign_up(
        gql, email="not-an-email", password="short", displayName="   ", timezone="Mars/Olympus"
    )
    assert result["token"] is None and result["user"] is None
    assert result["errors"] == [
        {"field": "email", "message": "This is not a valid email address.", "code": "INVALID"},
        {"field": "password", "message": "Use at least 10 characters.", "code": "TOO_SHORT"},
        {"field": "displayName", "message": "Enter a display name.", "code": "REQUIRED"},
        {
            "field": "timezone",
            "message": "Use an IANA time zone name such as Europe/Berlin.",
            "code": "INVALID",
        },
    ]
    assert not await User.filter(email="not-an-email").exists()


async def test_sign_up_password_length_bounds(gql: GraphQLClient) -> None:
    short = await sign_up(gql, email="len@example.com", password="x" * 9, displayName="L")
    long = await sign_up(gql, email="len@example.com", password="x" * 257, displayName="L")
    assert short["errors"] == [
        {"field": "password", "message": "Use at least 10 characters.", "code": "TOO_SHORT"}
    ]
    assert long["errors"] == [
        {"field": "password", "message": "Use at most 256 characters.", "code": "TOO_LONG"}
    ]
    assert not await User.filter(email="len@example.com").exists()


async def test_sign_up_refuses_time_zones_that_are_not_iana_names(gql: GraphQLClient) -> None:
    for zone in ("CEST", "+02:00", "europe/berlin", ""):
        result = await sign_up(
            gql, email="tz@example.com", password="0123456789", displayName="T", timezone=zone
        )
        assert [(e["field"], e["code"]) for e in result["errors"]] == [("timezone", "INVALID")]
    assert not await User.filter(email="tz@example.com").exists()


async def test_log_in_returns_a_working_token(gql: GraphQLClient) -> None:
    user = await create_user(email="login.ok@example.com", display_name="Lou")
    result = await log_in(gql, " Login.OK@example.com", DEFAULT_PASSWORD)
    assert result["errors"] == []
    assert result["user"]["id"] == global_id("User", user.id)
    assert result["user"]["learningProfile"] is None  # factory users have no profile
    me = await gql(OPS, token=result["token"], operation_name="Me")
    assert me["me"]["displayName"] == "Lou"
    await user.refresh_from_db()
    assert user.last_login_at is not None
    assert (datetime.now(UTC) - user.last_login_at).total_seconds() < 60


async def test_wrong_password_and_unknown_email_give_the_same_error(gql: GraphQLClient) -> None:
    await create_user(email="known@example.com")
    wrong_password = await log_in(gql, "known@example.com", "not the password")
    unknown_email = await log_in(gql, "nobody@example.com", DEFAULT_PASSWORD)
    malformed_email = await log_in(gql, "nobody", DEFAULT_PASSWORD)
    expected = {"token": None, "user": None, "errors": WRONG}
    assert wrong_password == unknown_email == malformed_email == expected


def test_unknown_emails_cost_a_full_verification() -> None:
    # The dummy hash uses the hasher's current parameters, so verifying against it costs what
    # verifying a real user's hash costs: the two failures cannot be told apart by time.
    assert not security._hasher.check_needs_rehash(security._DUMMY_HASH)


async def test_log_in_refuses_disabled_deleted_and_oauth_only_accounts(
    gql: GraphQLClient,
) -> None:
    await create_user(email="off@example.com", is_active=False)
    await create_user(email="gone@example.com", deleted_at=datetime.now(UTC))
    oauth = await create_user(email="oauth@example.com")
    await User.filter(id=oauth.id).update(password_hash=None)
    for email in ("gone@example.com", "oauth@example.com"):
        assert await log_in(gql, email, DEFAULT_PASSWORD) == {
            "token": None,
            "user": None,
            "errors": WRONG,
        }
    # A deactivated account says so, but only to its password (tests/identity/
    # test_admin_console.py); to a wrong one it is as unknown as any other.
    disabled = [{"field": "email", "message": "This account is deactivated.",
                 "code": "ACCOUNT_DISABLED"}]  # fmt: skip
    assert (await log_in(gql, "off@example.com", DEFAULT_PASSWORD))["errors"] == disabled
    assert (await log_in(gql, "off@example.com", "not the password"))["errors"] == WRONG


async def test_log_in_rehashes_a_hash_made_with_old_parameters(gql: GraphQLClient) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    user = await create_user(email="old.hash@example.com")
    old_hash = weak.hash("an old but fine password")
    await User.filter(id=user.id).update(password_hash=old_hash)
    assert (await log_in(gql, "old.hash@example.com", "an old but fine password"))["errors"] == []
    await user.refresh_from_db()
    assert user.password_hash is not None and user.password_hash != old_hash
    assert not security._hasher.check_needs_rehash(user.password_hash)
    again = await log_in(gql, "old.hash@example.com", "an old but fine password")
    assert again["errors"] == []


async def test_demo_accounts_can_log_in(gql: GraphQLClient) -> None:
    await load_demo_data()
    roles = {}
    for account in DEMO_ACCOUNTS:
        result = await log_in(gql, account["email"], DEMO_PASSWORD)
        assert result["errors"] == []
        assert result["user"]["emailVerified"] is True
        assert result["user"]["learningProfile"] is not None
        roles[account["email"]] = result["user"]["role"]
    assert roles == {
        "student@lingograph.dev": "STUDENT",
        "teacher@lingograph.dev": "TEACHER",
        "admin@lingograph.dev": "ADMIN",
    }
    assert await LearningProfile.filter(user__email__endswith="@lingograph.dev").count() == 3
