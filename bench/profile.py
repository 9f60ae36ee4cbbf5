"""Profile one operation in-process with pyinstrument (optional dev dependency):

    .venv/bin/python -m bench.profile MyLearning --requests 200 [--tiny]

Loads the benchmark database (like bench/run.py), then serves N requests through the ASGI app
in this process and prints pyinstrument's call tree (where the server's time goes).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
from pathlib import Path
from typing import Any

import httpx

from bench.dataset import Sizes
from bench.ops import requests_for, supported_operations
from bench.run import prepare
from core import db
from core.settings import get_settings
from main import create_app


async def profile(name: str, count: int, sizes: Sizes, flat: bool) -> Any:
    from pyinstrument import Profiler  # the optional bench extra

    url, data = await prepare(sizes)
    settings = dataclasses.replace(get_settings(), database_url=url, debug=False)
    texts, skipped = supported_operations(settings, [name])
    if name not in texts:
        raise SystemExit(f"{name}: {skipped.get(name)}")
    requests = requests_for(name, texts[name], data)
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

        async def one(i: int) -> None:
            request = requests[i % len(requests)]
            headers = {"Authorization": f"Bearer {request['token']}"}
            response = await client.post("/graphql", json=request["body"], headers=headers)
            assert "errors" not in response.json(), response.text[:300]

        for i in range(20):  # warm caches
            await one(i)
        if flat:
            import cProfile
            import pstats

            cprofile = cProfile.Profile()
            cprofile.enable()
            for i in range(count):
                await one(i)
            cprofile.disable()
            pstats.Stats(cprofile).sort_stats("tottime").print_stats(35)
            await db.close_orm()
            return None
        profiler = Profiler(async_mode="enabled", interval=0.0005)
        profiler.start()
        for i in range(count):
            await one(i)
        profiler.stop()
    await db.close_orm()
    return profiler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("operation")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--tiny", action="store_true")
    parser.add_argument("--flat", action="store_true", help="cProfile, by own time")
    parser.add_argument("--html", help="also write pyinstrument's HTML report here")
    args = parser.parse_args(argv)
    sizes = Sizes.tiny() if args.tiny else Sizes()
    profiler = asyncio.run(profile(args.operation, args.requests, sizes, args.flat))
    if profiler is not None:
        if args.html:
            Path(args.html).write_text(profiler.output_html())
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
