"""Logging: one line per record, from every worker process, with time, level, logger and the
request id of the request being served (`-` outside one). Plain text in development,
structured JSON in production (APP_ENV=production), for a log collector.

`config(settings)` is a `logging.config.dictConfig` dict: `main.py` applies it, and hands it
to uvicorn (`log_config=`), which applies it in each worker it starts — workers used to log
without time or level and to drop INFO. The HTTP view sets `REQUEST_ID` per request.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from core.settings import Settings

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


class RequestIdFilter(logging.Filter):
    """Gives every record the request id of the task that logs it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def config(settings: Settings) -> dict[str, Any]:
    formatter: dict[str, Any] = (
        {"()": JsonFormatter} if settings.is_production else {"format": TEXT_FORMAT}
    )
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "line",
        "filters": ["request_id"],
        "stream": "ext://sys.stderr",
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"line": formatter},
        "handlers": {"default": handler},
        "root": {"handlers": ["default"], "level": "INFO"},
        # uvicorn's loggers write through the root handler (one format for every line).
        "loggers": {
            **{
                name: {"handlers": [], "level": "INFO", "propagate": True}
                for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
            },
            # The job queue logs every job's start and end at INFO: warnings and errors (a
            # job failing, a worker stopping) are what an operator needs; our jobs log more.
            "procrastinate": {"handlers": [], "level": "WARNING", "propagate": True},
        },
    }
