"""The load generator: a separate process that drives one operation over HTTP.

    python -m bench.loadgen --url http://127.0.0.1:8000/graphql --spec spec.json \
        --clients 16 --duration 5

spec.json is a list of requests ({"body": {...}, "token": "..."}) cycled through by the clients
(different learners, so no two consecutive requests are the same). Each client holds one
keep-alive HTTP/1.1 connection and sends the next request as soon as the previous answer is
read (closed loop). A minimal client written on asyncio streams keeps the generator's own cost
low; its CPU time is reported so a saturated client is visible (cpu_percent near 100 means the
generator, not the server, was the limit). Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from typing import Any
from urllib.parse import urlparse


class Failure(Exception):
    pass


def _encode(host: str, path: str, body: dict[str, Any], token: str | None) -> bytes:
    payload = json.dumps(body).encode()
    head = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}",
        "Content-Type: application/json",
        "Accept: application/json",
        f"Content-Length: {len(payload)}",
    ]
    if token:
        head.append(f"Authorization: Bearer {token}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> bytes:
    writer.write(request)
    status_line = await reader.readline()
    if not status_line:
        raise Failure("connection closed")
    status = int(status_line.split()[1])
    length = None
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if length is None:
        raise Failure("no content-length")
    body = await reader.readexactly(length)
    if status != 200:
        raise Failure(f"HTTP {status}: {body[:200]!r}")
    return body


async def run(
    url: str,
    requests: list[bytes],
    clients: int,
    duration: float,
    warmup: float,
    check: bool,
    samples: bool = False,
) -> dict[str, Any]:
    parsed = urlparse(url)
    port = parsed.port or 80
    latencies: list[float] = []
    sizes: list[int] = []
    errors: list[str] = []
    # Connect one client at a time, each answered once before the next connects. Opened in a
    # burst, all connections queued at once and the first server worker to wake accepted
    # every one of them (asyncio accepts in a loop), leaving the other worker idle: the
    # same server then measured anywhere from 75 to 120 req/s. One pending connection at a
    # time lets the workers take turns, as a stream of real clients would.
    streams = []
    for _ in range(clients):
        reader, writer = await asyncio.open_connection(parsed.hostname, port)
        await _exchange(reader, writer, requests[0])
        streams.append((reader, writer))
    started = time.perf_counter()
    measure_from = started + warmup
    stop_at = measure_from + duration

    async def client(index: int) -> None:
        reader, writer = streams[index]
        i = index
        try:
            while True:
                begin = time.perf_counter()
                if begin >= stop_at:
                    return
                request = requests[i % len(requests)]
                i += clients
                try:
                    body = await _exchange(reader, writer, request)
                except (Failure, OSError, asyncio.IncompleteReadError) as error:
                    errors.append(str(error))
                    writer.close()
                    reader, writer = await asyncio.open_connection(parsed.hostname, port)
                    continue
                end = time.perf_counter()
                if check and b'"errors"' in body:
                    errors.append(body[:300].decode(errors="replace"))
                    continue  # an error answer is not a served request: not in req/s or latency
                if begin >= measure_from:
                    latencies.append(end - begin)
                    sizes.append(len(body))
        finally:
            writer.close()

    cpu_before = time.process_time()
    await asyncio.gather(*(client(n) for n in range(clients)))
    cpu = time.process_time() - cpu_before
    wall = time.perf_counter() - started
    latencies.sort()

    milliseconds = [x * 1000 for x in latencies]

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "clients": clients,
        "duration": duration,
        "requests": len(latencies),
        "rps": round(len(latencies) / duration, 1),
        "p50_ms": percentile(milliseconds, 0.50),
        "p95_ms": percentile(milliseconds, 0.95),
        "p99_ms": percentile(milliseconds, 0.99),
        "max_ms": round(latencies[-1] * 1000, 2) if latencies else None,
        "response_bytes": round(sum(sizes) / len(sizes)) if sizes else None,
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        "client_cpu_seconds": round(cpu, 3),
        "client_cpu_percent": round(100 * cpu / wall, 1),
        "client_max_rss_kb": usage.ru_maxrss,
        **({"samples_ms": [round(x, 3) for x in milliseconds]} if samples else {}),
    }


def percentile(ordered: list[float], p: float) -> float | None:
    """The `p` quantile of sorted values (nearest rank, rounded to 0.01), None when empty."""
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--spec", required=True, help="JSON file: [{body, token}, ...]")
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--no-check", action="store_true", help="don't look for GraphQL errors")
    parser.add_argument("--samples", action="store_true", help="every latency in the output too")
    args = parser.parse_args(argv)
    with open(args.spec) as file:
        spec = json.load(file)
    parsed = urlparse(args.url)
    host = f"{parsed.hostname}:{parsed.port}" if parsed.port else str(parsed.hostname)
    requests = [_encode(host, parsed.path or "/", item["body"], item.get("token")) for item in spec]
    result = asyncio.run(
        run(
            args.url,
            requests,
            args.clients,
            args.duration,
            args.warmup,
            not args.no_check,
            args.samples,
        )
    )
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
