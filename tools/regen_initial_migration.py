"""Regenerate migrations/models/0_*_init.py from the current models (offline, no database).

Only for the first release, while no database outside development exists: after that,
add migrations with `make migration NAME=...` instead. Hand-written migrations (1_* and up)
are kept.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aerich import Command

from core import db
from schema.root import MODEL_MODULES

INITIAL_NAME = "0_20261122000000_init.py"


async def main() -> None:
    folder = db.MIGRATIONS / "models"
    moved = []
    if folder.exists():
        for path in folder.glob("*.py"):
            if not path.name.startswith("0_"):
                moved.append((path, path.read_text()))
            path.unlink()
    config = db.tortoise_config("postgres://postgres@127.0.0.1:5432/unused", MODEL_MODULES)
    async with Command(tortoise_config=config, app="models", location=str(db.MIGRATIONS)) as cmd:
        await cmd.init_migrations(safe=True)
    for path, text in moved:
        path.write_text(text)
    # A stable name, so a development database that applied it does not apply it again.
    for path in folder.glob("0_*.py"):
        path.rename(folder / INITIAL_NAME)
    print("initial migration:", *sorted(p.name for p in folder.glob("0_*.py")))


if __name__ == "__main__":
    asyncio.run(main())
