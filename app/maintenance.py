"""Housekeeping jobs of the engine's own state: expired idempotency keys, throttle rows, old
mail-delivery keys and used ID tokens past their expiry (resolvers/identity/providers.py)
are deleted every hour, and data exports past their 7 days lose their file and read EXPIRED
(resolvers/identity/exports.py) (procrastinate defers a periodic job once, for all workers)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from procrastinate import JobContext
from tortoise import connections

from app import idempotency
from core import jobs, throttle
from resolvers.identity.exports import purge_expired_exports
from resolvers.identity.providers import purge_used_id_tokens
from services.mail import PURGE_DELIVERIES
from services.storage import build_storage

log = logging.getLogger("lingograph.maintenance")


@jobs.every("23 * * * *")
@jobs.task("maintenance.purge_expired", attempts=3)
async def purge_expired(context: JobContext, timestamp: int) -> None:
    db = connections.get("default")
    settings = jobs.settings_of(context)
    hours = settings.idempotency_key_ttl_hours
    keys, _ = await db.execute_query(idempotency.PURGE_EXPIRED, [hours])
    deliveries, _ = await db.execute_query(PURGE_DELIVERIES)
    throttles = 0
    while purged := await throttle.purge_expired():
        throttles += purged
    id_tokens = await purge_used_id_tokens()
    exports = await purge_expired_exports(build_storage(settings), datetime.now(UTC))
    log.info(
        "purged %d idempotency keys, %d throttle rows, %d mail delivery keys, %d used ID tokens,"
        " %d data exports",
        keys,
        throttles,
        deliveries,
        id_tokens,
        exports,
    )
