"""`/healthz`: 200 when the database answers within two seconds, 503 otherwise."""

from __future__ import annotations

import asyncio
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse
from tortoise import connections

from core.db_backend import is_unavailable, report_unavailable

log = logging.getLogger("lingograph")


async def healthz(request: Request) -> JSONResponse:
    try:
        await asyncio.wait_for(connections.get("default").execute_query("SELECT 1"), timeout=2)
    except Exception as error:  # any failure to reach the database means unhealthy
        if is_unavailable(error):
            report_unavailable(error)  # once per interval, however often it is probed
        else:
            log.warning("health check failed: %s", error)
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})
