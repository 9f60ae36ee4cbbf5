"""lingograph: the Starlette app factory and the command line.

python main.py serve            apply migrations, load demo data if empty, serve the API
python main.py worker           run jobs only (with JOBS_IN_SERVER=0 on the servers)
python main.py migrate          apply migrations
python main.py makemigration N  generate an aerich migration named N from model changes
python main.py schema           print the GraphQL SDL
python main.py import-course F  import a course file (see README)
python main.py payment-event ID TYPE [--url U]
                                send the local provider's signed event for a transaction
                                to a running server (payment.succeeded, payment.failed,
                                payment.refunded, subscription.renewed)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import logging.config
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.routing import Route, WebSocketRoute

import demo as demo_data
from app import data_exports, recording_media
from app.application import Application, cors_middleware
from app.downloads import download_routes
from app.downloads import register as register_download
from app.graphiql import graphiql_routes
from app.health import healthz
from app.http import GraphQLApp
from app.payments import payment_routes
from app.serving import uvicorn_options
from core import db, jobs, logs
from core.clients import trusted_networks
from core.errors import AppError
from core.settings import Settings, get_settings
from engine.ids import decode_global_id
from models.identity import User
from resolvers.assessment import certificates as assessment_certificates
from resolvers.catalog.importing import import_course_text
from resolvers.commerce.pricing import configured_plans
from resolvers.commerce.replay import CannotReplay, event_facts
from resolvers.insight import activity as insight_activity
from resolvers.insight import audit as insight_audit
from resolvers.learning import activity as learning_activity
from resolvers.studio import mistakes as studio_mistakes
from schema.root import DOMAINS, MODEL_MODULES, build_schema, load_domain_job_tasks
from services import build_services
from services.payments.base import (
    PAYMENT_FAILED,
    PAYMENT_REFUNDED,
    PAYMENT_SUCCEEDED,
    SUBSCRIPTION_RENEWED,
)
from services.payments.local import LocalProvider

log = logging.getLogger("lingograph")


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    settings.validate()
    try:  # a malformed TRUSTED_PROXIES fails start-up, not the first log-in
        trusted_networks(tuple(settings.trusted_proxies))
    except ValueError as error:
        raise RuntimeError(f"TRUSTED_PROXIES: {error}") from error
    register_event_subscribers()
    load_job_tasks()
    services = build_services(settings)
    graphql = GraphQLApp(build_schema(settings), settings, services)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        url = db.resolve_database_url(settings.database_url)
        config = db.tortoise_config(
            url, MODEL_MODULES, settings.db_pool_min, settings.db_pool_max, db.Waits.of(settings)
        )
        await db.init_orm(config)
        await jobs.open_queue(settings, url)
        if settings.jobs_in_server:
            app.state.jobs_worker = await jobs.start_worker(settings, services)
        tune_garbage_collector()
        try:
            yield
        finally:
            # Running jobs get the grace period; what is cut off is retried as stalled.
            if app.state.jobs_worker is not None:
                await app.state.jobs_worker.stop()
            await jobs.close_queue()
            await db.close_orm()

    app = Application(
        graphql=graphql,
        cors=cors_middleware(settings),
        debug=settings.debug,
        routes=[
            Route("/healthz", healthz),
            # Every method reaches the view, which answers the unsupported ones (HEAD included)
            # alike: 405 with `Allow: GET, POST`.
            Route("/graphql", graphql),
            WebSocketRoute("/graphql", graphql),
            *graphiql_routes(settings),
            *download_routes(settings),  # signed, expiring links (certificate PDFs, media)
            *payment_routes(settings),  # provider webhooks; the local provider's pay page
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.services = services
    app.state.jobs_worker = None  # this process's job worker, while serving (JOBS_IN_SERVER)
    return app


def load_job_tasks() -> None:
    """Every job task a worker may meet: the domains' and the engine's housekeeping."""
    load_domain_job_tasks()
    import app.maintenance  # noqa: F401  (registers its periodic job)


def register_event_subscribers() -> None:
    """Each domain's reactions to events (core/events.py) and its downloads (app/downloads.py);
    registering twice has no effect."""
    learning_activity.register_subscribers()
    assessment_certificates.register_subscribers()
    studio_mistakes.register_subscribers()
    insight_audit.register_subscribers()
    insight_activity.register_subscribers()
    register_download("certificate", assessment_certificates.certificate_download)
    register_download(recording_media.KIND, recording_media.recording_download)
    register_download(data_exports.KIND, data_exports.export_download)


def tune_garbage_collector() -> None:
    """Fewer, cheaper cyclic-GC passes while serving.

    A large answer allocates tens of thousands of short-lived objects (result dicts, rows),
    so the default young-generation threshold (700) ran a collection several times per
    request, and full collections walked everything built at start-up (schema, models,
    modules) — the long pauses in the single-client p99. Start-up objects are frozen out
    of collection; the young generation collects every 20 000 allocations instead.
    """
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(20_000, older, oldest)


async def prepare_database(settings: Settings, demo: bool) -> str:
    """Apply migrations and, on an empty database, load every domain's demo data."""
    url = db.resolve_database_url(settings.database_url)
    config = db.tortoise_config(url, MODEL_MODULES, 1, 2)
    applied = await db.apply_migrations(config)
    if applied:
        log.info("applied migrations: %s", ", ".join(applied))
    if demo:
        await db.init_orm(config)
        try:
            if not await User.exists():
                for domain in DOMAINS:
                    load = demo_data.LOADERS.get(domain.name)
                    if load is not None:
                        await load()
                log.info("demo data loaded")
        finally:
            await db.close_orm()
    return url


async def import_course_file(settings: Settings, path: str) -> int:
    """`python main.py import-course FILE`: migrate, import, print the outcome; exit code."""
    try:
        text = await asyncio.to_thread(Path(path).read_text, encoding="utf-8")
    except OSError as error:
        print(f"error: cannot read {path}: {error}")
        return 2
    url = db.resolve_database_url(settings.database_url)
    config = db.tortoise_config(url, MODEL_MODULES, 1, 2)
    await db.apply_migrations(config)
    await db.init_orm(config)
    try:
        result = await import_course_text(text, viewer=None)
    except AppError as error:
        for e in error.errors:
            print(f"error: {e.field or '(document)'}: {e.message} [{e.code.value}]")
        return 1
    finally:
        await db.close_orm()
    verb = "created" if result.created else "updated"
    print(f"{verb} course {result.course.slug!r} ({result.lesson_count} lessons)")
    return 0


PAYMENT_EVENT_TYPES = (PAYMENT_SUCCEEDED, PAYMENT_FAILED, PAYMENT_REFUNDED, SUBSCRIPTION_RENEWED)


async def send_payment_event(
    settings: Settings, transaction: str, event_type: str, url: str
) -> int:
    """`python main.py payment-event ID TYPE`: sign the local provider's event for the
    transaction and POST it to the server at `url`; prints the answer; exit code."""
    transaction_id = decode_global_id(transaction, "Transaction")
    if settings.payment_provider != LocalProvider.name:
        print("error: only the local payment provider's events can be sent (PAYMENT_PROVIDER)")
        return 2
    if transaction_id is None:
        print(f"error: {transaction!r} is not a transaction's id")
        return 2
    db_url = db.resolve_database_url(settings.database_url)
    await db.init_orm(db.tortoise_config(db_url, MODEL_MODULES, 1, 2))
    try:
        facts = await event_facts(
            transaction_id, event_type, configured_plans(settings), LocalProvider.name
        )
    except CannotReplay as error:
        print(f"error: {error}")
        return 1
    finally:
        await db.close_orm()
    delivery = LocalProvider(settings.payment_webhook_secret).event(
        event_type,
        transaction_id=facts.transaction_id,
        provider_transaction_id=facts.provider_transaction_id,
        amount=facts.amount,
        currency=facts.currency,
        subscription_id=facts.subscription_id,
        period_end=facts.period_end,
        now=int(time.time()),
    )
    endpoint = url.rstrip("/") + "/webhooks/payments/local"
    try:
        async with httpx.AsyncClient(timeout=30) as client:
            answer = await client.post(endpoint, content=delivery.body, headers=delivery.headers)
    except httpx.HTTPError as error:
        print(f"error: cannot reach {endpoint}: {error}")
        return 1
    print(f"{answer.status_code} {answer.text}")
    return 0 if answer.status_code < 400 else 1


def serve(settings: Settings, workers: int) -> None:
    import uvicorn

    from app.workers import serve_workers

    url = asyncio.run(prepare_database(settings, demo=settings.load_demo_data))
    os.environ["DATABASE_URL"] = url  # workers (and reloads) reuse the same database
    print(f"lingograph: GraphQL at http://{settings.host}:{settings.port}/graphql", flush=True)
    options: dict[str, Any] = {
        "factory": True,
        "host": settings.host,
        "port": settings.port,
        **server_options(settings),
    }
    if workers > 1:
        # A listening socket per worker (SO_REUSEPORT): a burst of connections is spread
        # over the workers (app/workers.py).
        serve_workers(uvicorn.Config("main:create_app", workers=workers, **options))
        return
    uvicorn.run("main:create_app", **options)


async def run_worker(settings: Settings) -> None:
    """`python main.py worker`: run jobs until SIGINT/SIGTERM, then stop gracefully."""
    url = await prepare_database(settings, demo=False)
    register_event_subscribers()
    load_job_tasks()
    await db.init_orm(
        db.tortoise_config(
            url, MODEL_MODULES, 1, settings.job_concurrency + 2, db.Waits.of(settings)
        )
    )
    await jobs.open_queue(settings, url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        async with jobs.worker_running(settings, build_services(settings)):
            log.info("job worker running (concurrency %d)", settings.job_concurrency)
            await stop.wait()
    finally:
        await jobs.close_queue()
        await db.close_orm()


def server_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's options that protect the process; the tests serve with the same ones."""
    return {
        "access_log": settings.debug,
        "log_config": logs.config(settings),  # applied in every worker process too
        # A WebSocket message over this closes the connection (1009) before it is parsed.
        "ws_max_size": settings.max_ws_message_bytes,
        "timeout_keep_alive": 5,  # idle keep-alive connections are closed after 5 s
        # Header deadline, bounded shutdown drain, worker start-up room (app/serving.py).
        **uvicorn_options(settings),
    }


async def make_migration(name: str) -> None:
    from aerich import Command

    url = db.resolve_database_url(get_settings().database_url)
    config = db.tortoise_config(url, MODEL_MODULES, 1, 2)
    async with Command(tortoise_config=config, app="models", location=str(db.MIGRATIONS)) as cmd:
        await cmd.init()
        # aerich diffs the models against the state the last applied migration recorded, so
        # bring the database up to date first.
        await cmd.upgrade(run_in_transaction=True)
        await cmd.init()  # reload the recorded state after upgrading
        created = await cmd.migrate(name, no_input=True)
        print(created or "no changes")


def main(argv: list[str] | None = None) -> int:
    logging.config.dictConfig(logs.config(get_settings()))
    parser = argparse.ArgumentParser(prog="main.py", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve_cmd = sub.add_parser("serve", help="serve the API")
    serve_cmd.add_argument("--workers", type=int, default=1)
    sub.add_parser("worker", help="run jobs only")
    sub.add_parser("migrate", help="apply migrations")
    make = sub.add_parser("makemigration", help="generate a migration from model changes")
    make.add_argument("name")
    sub.add_parser("schema", help="print the GraphQL SDL")
    importer = sub.add_parser("import-course", help="import a course file")
    importer.add_argument("file")
    event = sub.add_parser("payment-event", help="send a signed local payment event")
    event.add_argument("transaction", help="the transaction's global id")
    event.add_argument("type", choices=PAYMENT_EVENT_TYPES)
    event.add_argument("--url", default="http://127.0.0.1:8000", help="the running server")
    args = parser.parse_args(argv)
    settings = get_settings()

    if args.command == "serve":
        serve(settings, args.workers)
    elif args.command == "worker":
        asyncio.run(run_worker(settings))
    elif args.command == "migrate":
        asyncio.run(prepare_database(settings, demo=False))
    elif args.command == "makemigration":
        asyncio.run(make_migration(args.name))
    elif args.command == "schema":
        sys.stdout.write(build_schema(settings).as_str() + "\n")
    elif args.command == "import-course":
        return asyncio.run(import_course_file(settings, args.file))
    elif args.command == "payment-event":
        return asyncio.run(send_payment_event(settings, args.transaction, args.type, args.url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
