"""Settings read from the environment, with development defaults.

Production mode (APP_ENV=production) refuses unsafe defaults at start-up; see `validate`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

DEFAULT_SECRET = "dev-secret-change-me"


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


@dataclass(frozen=True)
class Settings:
    app_env: str = "development"
    debug: bool = True
    secret_key: str = DEFAULT_SECRET
    database_url: str | None = None
    db_pool_min: int = 1
    db_pool_max: int = 10
    host: str = "127.0.0.1"
    port: int = 8000
    graphiql: bool = True
    introspection: bool = True
    allow_unsafe_production: bool = False
    allowed_origins: list[str] = field(default_factory=lambda: ["*"])
    # Query protection.
    max_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 5000
    max_cost: int = 50000
    parser_cache_size: int = 256
    persisted_query_limit: int = 5000
    max_body_bytes: int = 2 * 1024 * 1024  # JSON request bodies (multipart has its own)
    max_ws_operations_per_user: int = 50  # over all of a user's connections, per process
    max_ws_message_bytes: int = 256 * 1024
    validation_cache_size: int = 256
    # DataLoader batching can be switched off to measure the naive baseline (benchmarks only).
    loader_batching: bool = True
    # Off: graphql-core's stock executor instead of engine/execution.py (a kill switch).
    fast_executor: bool = True
    # Identity.
    token_ttl_days: int = 30
    password_reset_ttl_minutes: int = 60
    email_verification_ttl_hours: int = 48
    login_max_failures: int = 5
    login_lockout_seconds: int = 900
    mailer: str = "outbox"  # outbox | smtp
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = "lingograph <no-reply@lingograph.local>"
    # Conversation tutor engine: local | openai.
    tutor_engine: str = "local"
    tutor_base_url: str = ""
    tutor_model: str = ""
    tutor_api_key: str = ""
    tutor_timeout_seconds: float = 20.0
    load_demo_data: bool = True

    @property
    def is_production(self) -> bool:
        return self.app_env == "production"

    def validate(self) -> None:
        """Refuse to run production with development defaults."""
        if not self.is_production:
            return
        problems = []
        if self.secret_key == DEFAULT_SECRET:
            problems.append("SECRET_KEY is the development default")
        if self.debug:
            problems.append("DEBUG is on")
        if (self.graphiql or self.introspection) and not self.allow_unsafe_production:
            problems.append(
                "GraphiQL or introspection is on (set ALLOW_GRAPHIQL_IN_PRODUCTION=1 to allow)"
            )
        if problems:
            raise RuntimeError("refusing to start in production: " + "; ".join(problems))


def load_settings() -> Settings:
    production = os.environ.get("APP_ENV", "development") == "production"
    return Settings(
        app_env=os.environ.get("APP_ENV", "development"),
        debug=_bool("DEBUG", not production),
        secret_key=os.environ.get("SECRET_KEY", DEFAULT_SECRET),
        database_url=os.environ.get("DATABASE_URL") or None,
        db_pool_min=_int("DB_POOL_MIN", 1),
        db_pool_max=_int("DB_POOL_MAX", 10),
        host=os.environ.get("HOST", "127.0.0.1"),
        port=_int("PORT", 8000),
        graphiql=_bool("GRAPHIQL", not production),
        introspection=_bool("INTROSPECTION", not production),
        allow_unsafe_production=_bool("ALLOW_GRAPHIQL_IN_PRODUCTION", False),
        allowed_origins=_list("ALLOWED_ORIGINS", ["*"]),
        max_depth=_int("MAX_QUERY_DEPTH", 12),
        max_aliases=_int("MAX_QUERY_ALIASES", 30),
        max_tokens=_int("MAX_QUERY_TOKENS", 5000),
        max_cost=_int("MAX_QUERY_COST", 50000),
        parser_cache_size=_int("PARSER_CACHE_SIZE", 256),
        persisted_query_limit=_int("PERSISTED_QUERY_LIMIT", 5000),
        max_body_bytes=_int("MAX_BODY_BYTES", 2 * 1024 * 1024),
        max_ws_operations_per_user=_int("MAX_WS_OPERATIONS_PER_USER", 50),
        max_ws_message_bytes=_int("MAX_WS_MESSAGE_BYTES", 256 * 1024),
        validation_cache_size=_int("VALIDATION_CACHE_SIZE", 256),
        loader_batching=_bool("LOADER_BATCHING", True),
        fast_executor=_bool("FAST_EXECUTOR", True),
        token_ttl_days=_int("TOKEN_TTL_DAYS", 30),
        password_reset_ttl_minutes=_int("PASSWORD_RESET_TTL_MINUTES", 60),
        email_verification_ttl_hours=_int("EMAIL_VERIFICATION_TTL_HOURS", 48),
        login_max_failures=_int("LOGIN_MAX_FAILURES", 5),
        login_lockout_seconds=_int("LOGIN_LOCKOUT_SECONDS", 900),
        mailer=os.environ.get("MAILER", "outbox"),
        smtp_host=os.environ.get("SMTP_HOST", "localhost"),
        smtp_port=_int("SMTP_PORT", 25),
        smtp_user=os.environ.get("SMTP_USER", ""),
        smtp_password=os.environ.get("SMTP_PASSWORD", ""),
        smtp_from=os.environ.get("SMTP_FROM", "lingograph <no-reply@lingograph.local>"),
        tutor_engine=os.environ.get("TUTOR_ENGINE", "local"),
        tutor_base_url=os.environ.get("TUTOR_BASE_URL", ""),
        tutor_model=os.environ.get("TUTOR_MODEL", ""),
        tutor_api_key=os.environ.get("TUTOR_API_KEY", ""),
        tutor_timeout_seconds=float(os.environ.get("TUTOR_TIMEOUT_SECONDS", "20")),
        load_demo_data=_bool("LOAD_DEMO_DATA", True),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
