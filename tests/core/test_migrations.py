"""Migrations and models agree: a model change without its migration fails here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from core import db

# Run in a separate process: aerich opens and closes Tortoise itself, which must not touch
# the ORM state of the app the other tests are talking to.
CHECK = """
import asyncio, sys
from aerich import Command
from core import db
from schema.root import MODEL_MODULES

async def main(url, location):
    config = db.tortoise_config(url, MODEL_MODULES, 1, 2)
    async with Command(tortoise_config=config, app="models", location=location) as cmd:
        await cmd.init()
        print(await cmd.migrate("pending", no_input=True) or "")

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def test_models_need_no_new_migration(database_url: str, tmp_path: Path) -> None:
    # A copy, so a missing migration is reported rather than written into the repository.
    location = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS, location, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        [sys.executable, "-c", CHECK, database_url, str(location)],
        cwd=db.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    created = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert created == "", f"models changed without a migration: run `make migration` ({created})"
