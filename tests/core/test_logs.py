"""Log lines: time, level, logger and the request id, one line each; JSON in production; the
id is the one the response's X-Request-Id names."""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import re

import pytest

from core import logs
from core.settings import Settings
from tests.failing_app import failing_app
from tests.http_helpers import JSON_BODY, app_client


def _line(formatter: logging.Formatter, request_id: str | None) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(logs.RequestIdFilter())
    logger = logging.getLogger("lingograph.test-logs")
    logger.addHandler(handler)
    logger.propagate = False
    token = logs.REQUEST_ID.set(request_id) if request_id else None
    try:
        logger.warning("hello %s", "world")
    finally:
        if token is not None:
            logs.REQUEST_ID.reset(token)
        logger.removeHandler(handler)
    return stream.getvalue()


def test_text_lines_carry_time_level_logger_and_request_id(settings: Settings) -> None:
    config = logs.config(dataclasses.replace(settings, app_env="development"))
    formatter = logging.Formatter(config["formatters"]["line"]["format"])
    line = _line(formatter, "req-42")
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} WARNING lingograph\.test-logs \[req-42\] "
        r"hello world\n",
        line,
    ), line
    assert _line(formatter, None).endswith("lingograph.test-logs [-] hello world\n")


def test_production_lines_are_json(settings: Settings) -> None:
    config = logs.config(dataclasses.replace(settings, app_env="production", debug=False))
    assert config["formatters"]["line"] == {"()": logs.JsonFormatter}
    record = json.loads(_line(logs.JsonFormatter(), "req-7"))
    assert {k: record[k] for k in ("level", "logger", "request_id", "message")} == {
        "level": "WARNING",
        "logger": "lingograph.test-logs",
        "request_id": "req-7",
        "message": "hello world",
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+\+00:00", record["time"])


async def test_a_requests_log_lines_carry_its_request_id(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    caplog.handler.addFilter(logs.RequestIdFilter())
    async with app_client(failing_app(settings)) as client:
        response = await client.post("/graphql", json={"query": "{ boom }"}, headers=JSON_BODY)
    request_id = response.headers["x-request-id"]
    errors = [r for r in caplog.records if r.name == "lingograph.errors"]
    assert [getattr(r, "request_id", None) for r in errors] == [request_id]
