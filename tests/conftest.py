"""Test harness: a fresh PostgreSQL database per run, migrated with aerich, and the real app
served by uvicorn on a loopback port, so tests go through real HTTP and WebSockets.

The database lives on DATABASE_URL's server when set, else on the embedded pgserver; it is
dropped at the end of the run.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from core import db
from core.settings import Settings, get_settings
from core.sqlcount import StatementLog, count_statements
from main import create_app
from schema.root import MODEL_MODULES
from tests.graphql_client import GraphQLClient
from tests.servers import serve

# Fixtures some modules share: the stand-in tutor server (`stand_in`).
pytest_plugins = ["tests.tutor_stand_in"]


@pytest.fixture(scope="session")
def settings() -> Settings:
    return dataclasses.replace(get_settings(), load_demo_data=False, debug=True)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def database_url(settings: Settings) -> AsyncIterator[str]:
    server_url = db.resolve_database_url(settings.database_url)
    name = f"lingograph_test_{uuid.uuid4().hex[:10]}"
    url = await db.create_database(server_url, name)
    try:
        await db.apply_migrations(db.tortoise_config(url, MODEL_MODULES, 1, 2))
        yield url
    finally:
        await db.drop_database(server_url, name)


@pytest.fixture(scope="session")
def app(settings: Settings, database_url: str) -> Starlette:
    return create_app(dataclasses.replace(settings, database_url=database_url, db_pool_max=20))


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def server(app: Starlette) -> AsyncIterator[str]:
    """The app on a loopback port; its lifespan opens the ORM the tests' factories use too, and
    runs the job worker (core/jobs.py)."""
    async with serve(app, lifespan="on") as base_url:
        yield base_url


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def http(server: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server, timeout=30) as client:
        yield client


@pytest.fixture
def gql(http: httpx.AsyncClient) -> GraphQLClient:
    return GraphQLClient(http)


@pytest.fixture
def sql() -> Iterator[StatementLog]:
    """Counts SQL statements: `with sql: ...` is not needed, read `sql.count` after a call."""
    with count_statements() as log:
        yield log
