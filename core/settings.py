"""Settings read from the environment, with development defaults.

Production mode (APP_ENV=production) refuses unsafe defaults at start-up; see `validate`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

DEFAULT_SECRET = "dev-secret-change-me"
# Signs the local payment provider's webhooks; the local provider is refused in production.
DEFAULT_WEBHOOK_SECRET = "lingograph-dev-webhook-secret"


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


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
    # Field selections per document, counted while parsing (validation is quadratic in them).
    max_selections: int = 500
    # Connections: a request's headers must arrive within this time (slow clients).
    header_timeout_seconds: float = 10.0
    # In-flight requests and jobs get this long at shutdown.
    shutdown_grace_seconds: float = 10.0
    # Database timeouts: waiting for a pool connection, connecting, one statement.
    db_acquire_timeout_seconds: float = 5.0
    db_connect_timeout_seconds: float = 5.0
    db_statement_timeout_seconds: float = 10.0
    retry_after_seconds: int = 5  # Retry-After of a 503 UNAVAILABLE
    # Job queue (core/jobs.py): every server process runs a worker unless JOBS_IN_SERVER=0
    # (then `python main.py worker` processes run them).
    jobs_in_server: bool = True
    job_concurrency: int = 4
    job_heartbeat_seconds: float = 5.0
    job_stalled_seconds: float = 30.0  # a running job whose worker is silent this long is retried
    # Idempotency keys of mutations are remembered this long.
    idempotency_key_ttl_hours: int = 24
    # Client addresses: X-Forwarded-For is believed only from these addresses/networks.
    trusted_proxies: list[str] = field(default_factory=list)
    # DataLoader batching can be switched off to measure the naive baseline (benchmarks only).
    loader_batching: bool = True
    # Off: graphql-core's stock executor instead of engine/execution.py (a kill switch).
    fast_executor: bool = True
    # Off: every query goes to the executor, none to the read compiler (engine/compiler).
    read_compiler: bool = True
    # Identity.
    token_ttl_days: int = 30
    password_reset_ttl_minutes: int = 60
    email_verification_ttl_hours: int = 48
    # Throttles (core/throttle.py, README "Throttling"). Log-in: past the free failures per
    # account or per client address, each attempt waits a delay doubling from
    # LOGIN_BACKOFF_SECONDS up to LOGIN_BACKOFF_MAX_SECONDS; failures are forgotten
    # LOGIN_FAILURE_WINDOW_SECONDS after the last one. Mail: at most so many per hour.
    login_free_failures_per_account: int = 5
    login_free_failures_per_address: int = 20
    login_backoff_seconds: float = 1.0
    login_backoff_max_seconds: float = 900.0
    login_failure_window_seconds: int = 3600
    mails_per_account_per_hour: int = 3  # password resets (and verification resends)
    mails_per_address_per_hour: int = 10
    signups_per_address_per_hour: int = 20  # each sign-up mails a verification link
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
    # Study-material generator (studio): local (offline, deterministic).
    generator_engine: str = "local"
    load_demo_data: bool = True
    # Payments (commerce): `local` serves its own pay page and signs its webhooks with
    # PAYMENT_WEBHOOK_SECRET (development only); `stripe` uses Stripe Checkout.
    payment_provider: str = "local"  # local | stripe
    payment_webhook_secret: str = DEFAULT_WEBHOOK_SECRET
    stripe_api_key: str = ""
    stripe_webhook_secret: str = ""
    stripe_api_base: str = ""  # empty: Stripe's own; tests point it at a stand-in
    app_url: str = ""  # the public base URL for payment return links; empty: the request's
    premium_monthly_price: str = "9.99"
    premium_yearly_price: str = "79.99"
    premium_currency: str = "USD"
    premium_monthly_months: int = 1
    premium_yearly_months: int = 12
    # Recordings (services/storage, services/recordings). Media files go to STORAGE_BACKEND:
    # `filesystem` under STORAGE_DIR (empty: .data/media beside the embedded database; a
    # relative path is taken from the project root), or `s3`, any S3-compatible store
    # (S3_ENDPOINT_URL empty: AWS itself). Uploads are streamed and refused past
    # MAX_UPLOAD_BYTES.
    storage_backend: str = "filesystem"  # filesystem | s3
    storage_dir: str = ""
    s3_endpoint_url: str = ""
    s3_bucket: str = ""
    s3_access_key: str = ""
    s3_secret_key: str = ""
    s3_region: str = "us-east-1"
    max_upload_bytes: int = 200 * 1024 * 1024
    # Speech to text: none (default: uploads without a transcript wait for one) | openai, any
    # OpenAI-compatible /audio/transcriptions endpoint under TRANSCRIBER_BASE_URL (with /v1).
    transcriber_engine: str = "none"
    transcriber_base_url: str = ""
    transcriber_model: str = "whisper-1"
    transcriber_api_key: str = ""
    transcriber_timeout_seconds: float = 300.0
    # Sign-in with an identity provider (services/identity_providers): per provider, the
    # issuers its ID tokens may name (comma list; `{tenantid}` stands for the token's `tid`
    # claim, Microsoft's per-tenant issuer), where its signing keys are published (JWKS), and
    # the client ids its tokens must be addressed to (comma list; none: the provider is
    # refused). OIDC_LEEWAY_SECONDS absorbs clock skew on `exp`, `iat` and `nbf`.
    oidc_google_issuers: list[str] = field(
        default_factory=lambda: ["https://accounts.google.com", "accounts.google.com"]
    )
    oidc_google_jwks_url: str = "https://www.googleapis.com/oauth2/v3/certs"
    oidc_google_client_ids: list[str] = field(default_factory=list)
    oidc_apple_issuers: list[str] = field(default_factory=lambda: ["https://appleid.apple.com"])
    oidc_apple_jwks_url: str = "https://appleid.apple.com/auth/keys"
    oidc_apple_client_ids: list[str] = field(default_factory=list)
    oidc_microsoft_issuers: list[str] = field(
        default_factory=lambda: ["https://login.microsoftonline.com/{tenantid}/v2.0"]
    )
    oidc_microsoft_jwks_url: str = "https://login.microsoftonline.com/common/discovery/v2.0/keys"
    oidc_microsoft_client_ids: list[str] = field(default_factory=list)
    oidc_leeway_seconds: int = 60

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
        if self.payment_provider == "local":
            problems.append("PAYMENT_PROVIDER is local (its pay page takes no money)")
        if self.payment_provider == "stripe" and not (
            self.stripe_api_key and self.stripe_webhook_secret
        ):
            problems.append("STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET are required")
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
        max_selections=_int("MAX_SELECTIONS", 500),
        header_timeout_seconds=_float("HEADER_TIMEOUT_SECONDS", 10.0),
        shutdown_grace_seconds=_float("SHUTDOWN_GRACE_SECONDS", 10.0),
        db_acquire_timeout_seconds=_float("DB_ACQUIRE_TIMEOUT_SECONDS", 5.0),
        db_connect_timeout_seconds=_float("DB_CONNECT_TIMEOUT_SECONDS", 5.0),
        db_statement_timeout_seconds=_float("DB_STATEMENT_TIMEOUT_SECONDS", 10.0),
        retry_after_seconds=_int("RETRY_AFTER_SECONDS", 5),
        jobs_in_server=_bool("JOBS_IN_SERVER", True),
        job_concurrency=_int("JOB_CONCURRENCY", 4),
        job_heartbeat_seconds=_float("JOB_HEARTBEAT_SECONDS", 5.0),
        job_stalled_seconds=_float("JOB_STALLED_SECONDS", 30.0),
        idempotency_key_ttl_hours=_int("IDEMPOTENCY_KEY_TTL_HOURS", 24),
        trusted_proxies=_list("TRUSTED_PROXIES", []),
        loader_batching=_bool("LOADER_BATCHING", True),
        fast_executor=_bool("FAST_EXECUTOR", True),
        read_compiler=_bool("READ_COMPILER", True),
        token_ttl_days=_int("TOKEN_TTL_DAYS", 30),
        password_reset_ttl_minutes=_int("PASSWORD_RESET_TTL_MINUTES", 60),
        email_verification_ttl_hours=_int("EMAIL_VERIFICATION_TTL_HOURS", 48),
        login_free_failures_per_account=_int("LOGIN_FREE_FAILURES_PER_ACCOUNT", 5),
        login_free_failures_per_address=_int("LOGIN_FREE_FAILURES_PER_ADDRESS", 20),
        login_backoff_seconds=_float("LOGIN_BACKOFF_SECONDS", 1.0),
        login_backoff_max_seconds=_float("LOGIN_BACKOFF_MAX_SECONDS", 900.0),
        login_failure_window_seconds=_int("LOGIN_FAILURE_WINDOW_SECONDS", 3600),
        mails_per_account_per_hour=_int("MAILS_PER_ACCOUNT_PER_HOUR", 3),
        mails_per_address_per_hour=_int("MAILS_PER_ADDRESS_PER_HOUR", 10),
        signups_per_address_per_hour=_int("SIGNUPS_PER_ADDRESS_PER_HOUR", 20),
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
        tutor_timeout_seconds=_float("TUTOR_TIMEOUT_SECONDS", 20.0),
        generator_engine=os.environ.get("GENERATOR_ENGINE", "local"),
        load_demo_data=_bool("LOAD_DEMO_DATA", True),
        # `local` takes no money: production defaults to Stripe.
        payment_provider=os.environ.get("PAYMENT_PROVIDER", "stripe" if production else "local"),
        payment_webhook_secret=os.environ.get("PAYMENT_WEBHOOK_SECRET", DEFAULT_WEBHOOK_SECRET),
        stripe_api_key=os.environ.get("STRIPE_API_KEY", ""),
        stripe_webhook_secret=os.environ.get("STRIPE_WEBHOOK_SECRET", ""),
        stripe_api_base=os.environ.get("STRIPE_API_BASE", ""),
        app_url=os.environ.get("APP_URL", ""),
        premium_monthly_price=os.environ.get("PREMIUM_MONTHLY_PRICE", "9.99"),
        premium_yearly_price=os.environ.get("PREMIUM_YEARLY_PRICE", "79.99"),
        premium_currency=os.environ.get("PREMIUM_CURRENCY", "USD"),
        premium_monthly_months=_int("PREMIUM_MONTHLY_MONTHS", 1),
        premium_yearly_months=_int("PREMIUM_YEARLY_MONTHS", 12),
        storage_backend=os.environ.get("STORAGE_BACKEND", "filesystem"),
        storage_dir=os.environ.get("STORAGE_DIR", ""),
        s3_endpoint_url=os.environ.get("S3_ENDPOINT_URL", ""),
        s3_bucket=os.environ.get("S3_BUCKET", ""),
        s3_access_key=os.environ.get("S3_ACCESS_KEY", ""),
        s3_secret_key=os.environ.get("S3_SECRET_KEY", ""),
        s3_region=os.environ.get("S3_REGION", "us-east-1"),
        max_upload_bytes=_int("MAX_UPLOAD_BYTES", 200 * 1024 * 1024),
        transcriber_engine=os.environ.get("TRANSCRIBER_ENGINE", "none"),
        transcriber_base_url=os.environ.get("TRANSCRIBER_BASE_URL", ""),
        transcriber_model=os.environ.get("TRANSCRIBER_MODEL", "whisper-1"),
        transcriber_api_key=os.environ.get("TRANSCRIBER_API_KEY", ""),
        transcriber_timeout_seconds=_float("TRANSCRIBER_TIMEOUT_SECONDS", 300.0),
        oidc_google_issuers=_list(
            "OIDC_GOOGLE_ISSUER", ["https://accounts.google.com", "accounts.google.com"]
        ),
        oidc_google_jwks_url=os.environ.get(
            "OIDC_GOOGLE_JWKS_URL", "https://www.googleapis.com/oauth2/v3/certs"
        ),
        oidc_google_client_ids=_list("OIDC_GOOGLE_CLIENT_IDS", []),
        oidc_apple_issuers=_list("OIDC_APPLE_ISSUER", ["https://appleid.apple.com"]),
        oidc_apple_jwks_url=os.environ.get(
            "OIDC_APPLE_JWKS_URL", "https://appleid.apple.com/auth/keys"
        ),
        oidc_apple_client_ids=_list("OIDC_APPLE_CLIENT_IDS", []),
        oidc_microsoft_issuers=_list(
            "OIDC_MICROSOFT_ISSUER", ["https://login.microsoftonline.com/{tenantid}/v2.0"]
        ),
        oidc_microsoft_jwks_url=os.environ.get(
            "OIDC_MICROSOFT_JWKS_URL",
            "https://login.microsoftonline.com/common/discovery/v2.0/keys",
        ),
        oidc_microsoft_client_ids=_list("OIDC_MICROSOFT_CLIENT_IDS", []),
        oidc_leeway_seconds=_int("OIDC_LEEWAY_SECONDS", 60),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
