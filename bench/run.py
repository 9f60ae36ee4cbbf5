"""`make bench`: the nested-read benchmark (see bench/README.md).

Creates the `lingograph_bench` database (DATABASE_URL's server, else the embedded pgserver;
never the development database), migrates it, loads the data set with COPY, counts SQL
statements per request in-process at the default and x10 sizes, then serves the API as
production would and drives each operation from a separate load-generator process: batched,
naive (LOADER_BATCHING=0) and, for MyLearning/ConversationDetail, a hand-written asyncpg
baseline. Prints a table and writes bench/results.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg

from bench import servers
from bench.dataset import Dataset, Sizes, load
from bench.loadgen import percentile
from bench.ops import WORKLOAD, count_sql, requests_for, supported_operations
from bench.plans import path_and_plan
from bench.report import print_table
from core import db
from core.settings import get_settings
from schema.root import MODEL_MODULES

BENCH_DB = "lingograph_bench"
HERE = Path(__file__).resolve().parent
BASELINE_OPS = ("MyLearning", "CourseTree", "Lesson", "ConversationDetail", "Courses")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    defaults = Sizes()
    for size in dataclasses.fields(Sizes):
        parser.add_argument(f"--{size.name}", type=int, default=getattr(defaults, size.name))
    parser.add_argument("--tiny", action="store_true", help="a tiny data set (development)")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per measurement")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds before measuring")
    parser.add_argument("--clients", default="1,16", help="concurrency levels, comma-separated")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ops", default=",".join(WORKLOAD), help="operations to run")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="compiled and baseline measured in this many alternating rounds per point",
    )
    parser.add_argument("--no-naive", action="store_true", help="skip LOADER_BATCHING=0")
    parser.add_argument("--no-baseline", action="store_true", help="skip the asyncpg baseline")
    parser.add_argument("--output", default=str(HERE / "results.json"))
    return parser.parse_args(argv)


async def prepare(sizes: Sizes) -> tuple[str, Dataset]:
    settings = get_settings()
    server_url = db.resolve_database_url(settings.database_url)
    await db.drop_database(server_url, BENCH_DB)
    url = await db.create_database(server_url, BENCH_DB)
    config = db.tortoise_config(url, MODEL_MODULES, 1, 4)
    await db.apply_migrations(config)
    await db.init_orm(config)
    conn = await asyncpg.connect(**db.credentials(url))
    try:
        data = await load(conn, sizes)
    finally:
        await conn.close()
    return url, data


async def statement_counts(
    url: str, data: Dataset, texts: dict[str, str], naive: bool
) -> dict[str, Any]:
    settings = get_settings()
    counts: dict[str, Any] = {}
    for name, text in texts.items():
        default = await count_sql(settings, url, requests_for(name, text, data)[0])
        large = await count_sql(settings, url, requests_for(name, text, data, big=True)[0])
        first = requests_for(name, text, data)[0]
        planned = await path_and_plan(settings, url, first)
        executor = await count_sql(settings, url, first, compiler=False)
        entry = {
            "path": planned["path"],
            "declined_for": planned["reason"],
            "seq_scans_of_large_tables": planned.get("seq_scans_of_large_tables"),
            "plan": planned["plan"],
            "statements": default["statements"],
            "statements_x10": large["statements"],
            "executor_statements": executor["statements"],
            "items": default["items"],
            "items_x10": large["items"],
            "response_bytes": default["bytes"],
            "equal": default["statements"] == large["statements"],
        }
        if naive:
            entry["naive_statements"] = (
                await count_sql(settings, url, first, batching=False, compiler=False)
            )["statements"]
            big = requests_for(name, text, data, big=True)[0]
            entry["naive_statements_x10"] = (
                await count_sql(settings, url, big, batching=False, compiler=False)
            )["statements"]
        counts[name] = entry
        counts[name]["_sample"] = default["data"]
    return counts


def load_runs(
    label: str,
    base: str,
    texts: dict[str, str],
    data: Dataset,
    args: argparse.Namespace,
    levels: list[int],
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, text in texts.items():
        requests = requests_for(name, text, data)
        for clients in levels:
            result = servers.drive(base + "/graphql", requests, clients, args.duration, args.warmup)
            results.setdefault(name, {})[str(clients)] = result
            _print_point(label, name, clients, result)
    return results


def _print_point(label: str, name: str, clients: int, result: dict[str, Any]) -> None:
    print(
        f"  {label:8} {name:20} c={clients:<3} {result['rps']:>8} req/s  "
        f"p50 {result['p50_ms']} ms  p99 {result['p99_ms']} ms  "
        f"client cpu {result['client_cpu_percent']}%  errors {result['errors']}",
        flush=True,
    )


def paired_runs(
    bases: dict[str, str],
    texts: dict[str, dict[str, str]],
    data: Dataset,
    args: argparse.Namespace,
    levels: list[int],
) -> dict[str, Any]:
    """The compiled API and the hand-written baseline, both serving, measured turn about:
    each point in `args.rounds` alternating rounds of `duration / rounds` seconds, merged.
    Measured one after the other, minutes apart, their ratio moved by up to a third between
    runs on this machine, whose speed drifts; alternating, both see the same drift."""
    results: dict[str, Any] = {label: {} for label in bases}
    names = list(dict.fromkeys(name for per_label in texts.values() for name in per_label))
    rounds = max(1, args.rounds)
    for name in names:
        requests = {  # built once, the same for every level and round
            label: requests_for(name, texts[label][name], data)
            for label in bases
            if name in texts[label]
        }
        for clients in levels:
            measured: dict[str, list[dict[str, Any]]] = {}
            for _ in range(rounds):
                for label, base in bases.items():
                    if label not in requests:
                        continue
                    measured.setdefault(label, []).append(
                        servers.drive(
                            base + "/graphql",
                            requests[label],
                            clients,
                            args.duration / rounds,
                            args.warmup,
                            samples=True,
                        )
                    )
            for label, parts in measured.items():
                result = merge_rounds(parts)
                results[label].setdefault(name, {})[str(clients)] = result
                _print_point(label, name, clients, result)
    return results


def merge_rounds(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One load generator result from several rounds: requests over the summed time, the
    percentiles of every latency measured."""
    samples = sorted(x for part in parts for x in part.pop("samples_ms"))
    duration = sum(part["duration"] for part in parts)
    answered = [part for part in parts if part["response_bytes"] is not None]
    return {
        "clients": parts[0]["clients"],
        "duration": round(duration, 3),
        "rounds": len(parts),
        "requests": len(samples),
        "rps": round(len(samples) / duration, 1),
        "p50_ms": percentile(samples, 0.50),
        "p95_ms": percentile(samples, 0.95),
        "p99_ms": percentile(samples, 0.99),
        "max_ms": round(samples[-1], 2) if samples else None,
        "response_bytes": (
            round(sum(p["response_bytes"] * p["requests"] for p in answered) / len(samples))
            if samples and answered
            else None
        ),
        "errors": sum(part["errors"] for part in parts),
        "first_error": next((p["first_error"] for p in parts if p["first_error"]), None),
        "client_cpu_seconds": round(sum(part["client_cpu_seconds"] for part in parts), 3),
        "client_cpu_percent": round(
            sum(part["client_cpu_percent"] for part in parts) / len(parts), 1
        ),
        "client_max_rss_kb": max(part["client_max_rss_kb"] for part in parts),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = (
        Sizes.tiny()
        if args.tiny
        else Sizes(**{f.name: getattr(args, f.name) for f in dataclasses.fields(Sizes)})
    )
    levels = [int(level) for level in args.clients.split(",") if level]
    started = time.perf_counter()
    print(f"bench: loading {BENCH_DB} ({sizes})", flush=True)
    url, data = asyncio.run(prepare(sizes))
    print(f"bench: {sum(data.rows.values())} rows in {data.load_seconds:.1f} s", flush=True)

    texts, skipped = supported_operations(get_settings(), args.ops.split(","))
    for name, reason in skipped.items():
        print(f"bench: skipping {name}: {reason}", flush=True)

    counts = asyncio.run(_counts_and_close(url, data, texts, not args.no_naive))
    samples = {name: entry.pop("_sample") for name, entry in counts.items()}

    logs = Path("/tmp") / "lingograph-bench"
    logs.mkdir(exist_ok=True)
    runs: dict[str, Any] = {}
    baseline_texts = {name: texts[name] for name in BASELINE_OPS if name in texts}
    with contextlib.ExitStack() as serving:
        bases = {
            "compiled": serving.enter_context(
                servers.api_server(url, args.workers, True, logs / "compiled.log")
            )
        }
        paired = {"compiled": texts}
        if not args.no_baseline and baseline_texts:
            base = serving.enter_context(
                servers.baseline_server(url, args.workers, logs / "baseline.log")
            )
            differing = check_baseline(base, baseline_texts, data, samples)
            # A baseline answering other data would make the overhead ratio meaningless.
            paired["baseline"] = {n: t for n, t in baseline_texts.items() if n not in differing}
            bases["baseline"] = base
        runs.update(paired_runs(bases, paired, data, args, levels))
    with servers.api_server(url, args.workers, True, logs / "api.log", compiler=False) as base:
        runs["executor"] = load_runs("executor", base, texts, data, args, levels)
    if not args.no_naive:
        naive_log = logs / "naive.log"
        with servers.api_server(url, args.workers, False, naive_log, compiler=False) as base:
            runs["naive"] = load_runs("naive", base, texts, data, args, levels)

    results = {
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": __import__("os").cpu_count(),
        },
        "dataset": data.summary(),
        "settings": {
            "duration": args.duration,
            "warmup": args.warmup,
            "clients": levels,
            "workers": args.workers,
        },
        "skipped": skipped,
        "statements": counts,
        "runs": runs,
        "ratios": ratios(runs),
        "seconds": round(time.perf_counter() - started, 1),
    }
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)
    print(f"bench: wrote {args.output} in {results['seconds']} s")
    failed = False
    unequal = [name for name, entry in counts.items() if not entry["equal"]]
    if unequal:
        print(f"bench: statement counts grow with list sizes for {', '.join(unequal)}")
        failed = True
    erring = sorted(
        f"{server} {name} c={clients}"
        for server, per_op in runs.items()
        for name, per_level in per_op.items()
        for clients, run in per_level.items()
        if run["errors"]
    )
    if erring:
        print(f"bench: errors in answers ({', '.join(erring)}); see bench/logs")
        failed = True
    if baseline_texts != {n: texts[n] for n in BASELINE_OPS if n in texts}:
        print("bench: the baseline answered different data for some operations (not measured)")
        failed = True
    return 1 if failed else 0


def ratios(runs: dict[str, Any]) -> dict[str, Any]:
    """Per operation and concurrency: the compiled path against the hand-written baseline
    (compiled ÷ baseline req/s, the issue's target) and against the executor (compiled ÷
    executor), and the executor's batching gain (executor ÷ naive req/s)."""
    out: dict[str, Any] = {}
    for name, per_level in runs.get("compiled", {}).items():
        for clients, compiled in per_level.items():
            entry = out.setdefault(name, {}).setdefault(clients, {})
            executor = runs.get("executor", {}).get(name, {}).get(clients)
            naive = runs.get("naive", {}).get(name, {}).get(clients)
            base = runs.get("baseline", {}).get(name, {}).get(clients)
            if base and base["rps"]:
                entry["compiled_vs_baseline"] = round(compiled["rps"] / base["rps"], 2)
            if executor and executor["rps"]:
                entry["compiled_vs_executor"] = round(compiled["rps"] / executor["rps"], 2)
                if naive and naive["rps"]:
                    entry["batching_gain"] = round(executor["rps"] / naive["rps"], 2)
    return out


async def _counts_and_close(
    url: str, data: Dataset, texts: dict[str, str], naive: bool
) -> dict[str, Any]:
    try:
        return await statement_counts(url, data, texts, naive)
    finally:
        await db.close_orm()


def check_baseline(base: str, texts: dict[str, str], data: Dataset, samples: dict) -> set[str]:
    """The operations whose baseline answer differs from the API's (same request, same JSON)."""
    import httpx

    differing = set()
    for name, text in texts.items():
        request = requests_for(name, text, data)[0]
        response = httpx.post(
            base + "/graphql",
            json=request["body"],
            headers={"Authorization": f"Bearer {request['token']}"},
        )
        got = response.json().get("data") if response.status_code == 200 else None
        if got != samples[name]:
            differing.add(name)
            print(
                f"bench: baseline {name} differs from the API's answer (not measured):\n"
                f"  api:      {json.dumps(samples[name])[:600]}\n"
                f"  baseline: HTTP {response.status_code} {json.dumps(got)[:600]}",
                flush=True,
            )
    return differing


if __name__ == "__main__":
    sys.exit(main())
