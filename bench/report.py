"""The printed benchmark table (the same figures are in bench/results.json)."""

from __future__ import annotations

from typing import Any

SERVERS = ("compiled", "executor", "naive", "baseline")


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _times(ratio: float | None) -> str | None:
    return None if ratio is None else f"{ratio:.2f}x"


def print_table(results: dict[str, Any]) -> None:
    counts = results["statements"]
    runs = results["runs"]
    print()
    print("Path and SQL statements per request (in-process, one request, after a first one)")
    header = (
        f"{'operation':20} {'path':9} {'default':>8} {'x10':>6} {'equal':>6} {'executor':>9} "
        f"{'naive':>7} {'naive x10':>10} {'items':>6} {'items x10':>9} {'bytes':>7}"
    )
    print(header)
    for name, c in counts.items():
        print(
            f"{name:20} {c['path']:9} {c['statements']:>8} {c['statements_x10']:>6} "
            f"{c['equal']!s:>6} {c['executor_statements']:>9} "
            f"{_fmt(c.get('naive_statements')):>7} {_fmt(c.get('naive_statements_x10')):>10} "
            f"{c['items']:>6} {c['items_x10']:>9} {c['response_bytes']:>7}"
        )
        if c["declined_for"]:
            print(f"{'':20} the executor answers it: {c['declined_for']}")
    print()
    print(
        "Load (separate load-generator process; latency in ms; cpu = generator's own CPU %; "
        "compiled = the read compiler, executor = READ_COMPILER=0, naive = also "
        "LOADER_BATCHING=0, baseline = one hand-written statement)"
    )
    print(
        f"{'operation':20} {'server':9} {'clients':>7} {'req/s':>8} {'p50':>7} {'p95':>7} "
        f"{'p99':>7} {'bytes':>7} {'cpu%':>5} {'err':>4} {'÷ base':>7} {'÷ exec':>7}"
    )
    for name in counts:
        for server in SERVERS:
            per_level = runs.get(server, {}).get(name)
            if not per_level:
                continue
            for clients, r in per_level.items():
                versus_base = versus_executor = None
                ratio = results["ratios"].get(name, {}).get(clients, {})
                if server == "compiled":
                    versus_base = _times(ratio.get("compiled_vs_baseline"))
                    versus_executor = _times(ratio.get("compiled_vs_executor"))
                elif server == "executor":
                    versus_executor = _times(ratio.get("batching_gain"))
                print(
                    f"{name:20} {server:9} {clients:>7} {_fmt(r['rps']):>8} {_fmt(r['p50_ms']):>7} "
                    f"{_fmt(r['p95_ms']):>7} {_fmt(r['p99_ms']):>7} {_fmt(r['response_bytes']):>7} "
                    f"{_fmt(r['client_cpu_percent'], 0):>5} {r['errors']:>4} "
                    f"{_fmt(versus_base):>7} {_fmt(versus_executor):>7}"
                )
    print()
    print(
        "÷ base = compiled req/s ÷ baseline req/s (the target: ≥ 0.90x at 16 clients); "
        "÷ exec on a compiled row = compiled ÷ executor req/s, on an executor row = executor ÷ "
        "naive req/s (the gain of batching)"
    )
    print()
    for name, c in counts.items():
        if c.get("plan"):
            scans = c.get("seq_scans_of_large_tables") or []
            verdict = (
                f"sequential scans of large tables: {', '.join(scans)}"
                if scans
                else ("no sequential scan of a large table")
            )
            print(f"Plan of {name}'s compiled statement (EXPLAIN ANALYZE, BUFFERS): {verdict}")
            print("\n".join("  " + line for line in c["plan"].splitlines()))
            print()
