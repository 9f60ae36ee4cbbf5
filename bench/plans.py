"""Which path each benchmarked operation takes (the read compiler or the executor, and why),
and, for compiled ones, the statement's plan on the bench data set: `EXPLAIN (ANALYZE,
BUFFERS)` of the statement the compiler writes for the operation's first request, with the
sequential scans of large tables (more than `LARGE_ROWS` rows) called out."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from core.rows import fetch_records
from core.settings import Settings
from engine.compiler.errors import Decline
from engine.compiler.runner import ReadCompiler
from resolvers.identity.auth import authenticate
from schema.root import build_schema

LARGE_ROWS = 10_000
_SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")


async def path_and_plan(settings: Settings, database_url: str, request: dict[str, Any]) -> dict:
    """{"path": "compiled" | "executor", "reason", "plan", "seq_scans_of_large_tables"}."""
    app_settings = dataclasses.replace(settings, database_url=database_url, debug=False)
    compiler = ReadCompiler(build_schema(app_settings), app_settings)
    authenticated = await authenticate(f"Bearer {request['token']}")
    viewer = authenticated[0] if authenticated else None
    body = request["body"]
    try:
        sql, params = compiler.statement_for(
            body["query"], body.get("operationName"), body.get("variables"), viewer
        )
    except Decline as declined:
        return {"path": "executor", "reason": str(declined), "plan": None}
    rows = await fetch_records(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
    plan = "\n".join(row["QUERY PLAN"] for row in rows)
    return {
        "path": "compiled",
        "reason": None,
        "plan": plan,
        "seq_scans_of_large_tables": await _large_seq_scans(plan),
    }


async def _large_seq_scans(plan: str) -> list[str]:
    tables = sorted(set(_SEQ_SCAN.findall(plan)))
    if not tables:
        return []
    rows = await fetch_records(
        "SELECT relname, reltuples FROM pg_class WHERE relname = ANY($1)", [tables]
    )
    return sorted(row["relname"] for row in rows if row["reltuples"] > LARGE_ROWS)
