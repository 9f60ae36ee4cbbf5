"""updateProfile: the user's fields and the learning profile, validated all at once."""

from __future__ import annotations

from models.identity import LearningProfile, User
from rules.identity.profile import USERNAME_MAX
from tests.factories.identity import NOT_SIGNED_IN, create_user, signed_in
from tests.graphql_client import GraphQLClient, operation

OPS = operation("identity.graphql")


async def update(gql: GraphQLClient, token: str | None, **fields: object) -> dict:
    data = await gql(OPS, {"input": fields}, token=token, operation_name="UpdateProfile")
    return data["updateProfile"]


async def test_update_profile_changes_user_and_creates_learning_profile(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in(email="profile.all@example.com")
    assert not await LearningProfile.filter(user_id=user.id).exists()
    result = await update(
        gql,
        token,
        displayName="  Maria  ",
        username="Maria_L",
        timezone="America/Sao_Paulo",
        nativeLanguage="pt-BR",
        dailyXpGoal=50,
        avatarUrl="https://cdn.example.com/maria.png",
        targetLanguage="en",
        proficiencyLevel="B2",
        learningGoals=["job interviews", " travel "],
        weeklyGoalHours=5.5,
        preferredLessonMinutes=20,
    )
    assert result["errors"] == []
    viewer = {k: v for k, v in result["user"].items() if k not in ("id", "createdAt")}
    assert viewer == {
        "email": "profile.all@example.com",
        "username": "maria_l",
        "displayName": "Maria",
        "role": "STUDENT",
        "timezone": "America/Sao_Paulo",
        "nativeLanguage": "pt-BR",
        "dailyXpGoal": 50,
        "subscriptionTier": "FREE",
        "emailVerified": False,
        "avatarUrl": "https://cdn.example.com/maria.png",
        "learningProfile": {
            "targetLanguage": "en",
            "proficiencyLevel": "B2",
            "learningGoals": ["job interviews", "travel"],
            "weeklyGoalHours": 5.5,
            "preferredLessonMinutes": 20,
        },
    }
    me = await gql(OPS, token=token, operation_name="Me")
    assert me["me"] == result["user"]
    stored = await User.get(id=user.id)
    assert (stored.username, stored.daily_xp_goal) == ("maria_l", 50)


async def test_update_profile_changes_only_the_fields_sent(gql: GraphQLClient) -> None:
    _, token = await signed_in(display_name="Keep", timezone="Asia/Tokyo")
    await update(gql, token, targetLanguage="ja", weeklyGoalHours=2.0)
    result = await update(gql, token, dailyXpGoal=10)
    assert result["errors"] == []
    assert result["user"]["displayName"] == "Keep"
    assert result["user"]["timezone"] == "Asia/Tokyo"
    assert result["user"]["dailyXpGoal"] == 10
    assert result["user"]["learningProfile"]["targetLanguage"] == "ja"
    assert result["user"]["learningProfile"]["weeklyGoalHours"] == 2.0


async def test_null_clears_optional_fields(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    await update(gql, token, username="clearme", avatarUrl="http://a.example/x.png")
    result = await update(gql, token, username=None, avatarUrl=None, nativeLanguage=None)
    assert result["errors"] == []
    user = result["user"]
    assert (user["username"], user["avatarUrl"], user["nativeLanguage"]) == (None, None, None)


async def test_update_profile_reports_every_bad_field_and_writes_nothing(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in(display_name="Before", timezone="UTC")
    result = await update(
        gql,
        token,
        displayName="",
        username="a!",
        timezone="Berlin",
        nativeLanguage="English",
        dailyXpGoal=25,
        avatarUrl="ftp://files.example.com/me.png",
        targetLanguage="x",
        learningGoals=["speak", ""],
        weeklyGoalHours=0,
        preferredLessonMinutes=500,
    )
    assert result["user"] is None
    assert result["errors"] == [
        {"field": "displayName", "message": "Enter a display name.", "code": "REQUIRED"},
        {"field": "username", "message": "Use at least 3 characters.", "code": "TOO_SHORT"},
        {
            "field": "timezone",
            "message": "Use an IANA time zone name such as Europe/Berlin.",
            "code": "INVALID",
        },
        {
            "field": "nativeLanguage",
            "message": "Use a language code such as en or pt-BR.",
            "code": "INVALID",
        },
        {
            "field": "dailyXpGoal",
            "message": "The daily goal is one of 10, 20, 30, 50 XP.",
            "code": "INVALID",
        },
        {"field": "avatarUrl", "message": "Use an http or https URL.", "code": "INVALID"},
        {
            "field": "targetLanguage",
            "message": "Use a language code such as en or pt-BR.",
            "code": "INVALID",
        },
        {"field": "learningGoals", "message": "Goals cannot be empty.", "code": "INVALID"},
        {
            "field": "weeklyGoalHours",
            "message": "Use more than 0 and at most 100 hours.",
            "code": "INVALID",
        },
        {"field": "preferredLessonMinutes", "message": "Use 1 to 120 minutes.", "code": "INVALID"},
    ]
    stored = await User.get(id=user.id)
    assert (stored.display_name, stored.timezone, stored.daily_xp_goal) == ("Before", "UTC", 20)
    assert not await LearningProfile.filter(user_id=user.id).exists()


async def test_every_daily_goal_outside_the_list_is_refused(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    for goal in (0, 15, 40, 100, -10):
        result = await update(gql, token, dailyXpGoal=goal)
        assert [(e["field"], e["code"]) for e in result["errors"]] == [("dailyXpGoal", "INVALID")]
    for goal in (10, 20, 30, 50):
        assert (await update(gql, token, dailyXpGoal=goal))["user"]["dailyXpGoal"] == goal


async def test_null_for_a_required_field_is_refused(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    result = await update(gql, token, timezone=None, dailyXpGoal=None)
    assert result["errors"] == [
        {"field": "timezone", "message": "This field cannot be null.", "code": "REQUIRED"},
        {"field": "dailyXpGoal", "message": "This field cannot be null.", "code": "REQUIRED"},
    ]


async def test_username_is_unique_ignoring_case(gql: GraphQLClient) -> None:
    await create_user(username="polyglot")
    _, token = await signed_in()
    result = await update(gql, token, username="PolyGlot", displayName="Second")
    assert result == {
        "user": None,
        "errors": [{"field": "username", "message": "This username is taken.", "code": "UNIQUE"}],
    }
    _, own_token = await signed_in(username="mine")
    kept = await update(gql, own_token, username="MINE")  # one's own name is not a conflict
    assert kept["errors"] == [] and kept["user"]["username"] == "mine"


async def test_update_profile_needs_sign_in(gql: GraphQLClient) -> None:
    result = await gql.raw(OPS, {"input": {"displayName": "Anon"}}, operation_name="UpdateProfile")
    assert result["data"]["updateProfile"] == {"user": None, "errors": NOT_SIGNED_IN}


async def test_an_over_long_username_is_a_field_error_not_a_lookup(gql: GraphQLClient) -> None:
    """Found by the fuzz test: the uniqueness check ran before the length check and the ORM
    refused the over-long value (an internal error)."""
    _, token = await signed_in()
    result = await update(gql, token, username="x" * 120)
    assert result == {
        "user": None,
        "errors": [
            {
                "field": "username",
                "message": f"Use at most {USERNAME_MAX} characters.",
                "code": "TOO_LONG",
            }
        ],
    }
