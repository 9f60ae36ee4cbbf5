"""The printed benchmark table (the same figures are in bench/results.json)."""

from __future__ import annotations

from typing import Any


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
    print("SQL statements per request (in-process, one request)")
    header = (
        f"{'operation':20} {'default':>8} {'x10':>6} {'equal':>6} {'naive':>7} {'naive x10':>10}"
    )
    header += f" {'items':>6} {'items x10':>9} {'bytes':>7}"
    print(header)
    for name, c in counts.items():
        print(
            f"{name:20} {c['statements']:>8} {c['statements_x10']:>6} {c['equal']!s:>6} "
            f"{_fmt(c.get('naive_statements')):>7} {_fmt(c.get('naive_statements_x10')):>10} "
            f"{c['items']:>6} {c['items_x10']:>9} {c['response_bytes']:>7}"
        )
    print()
    print("Load (separate load-generator process; latency in ms; cpu = generator's own CPU %)")
    print(
        f"{'operation':20} {'server':9} {'clients':>7} {'req/s':>8} {'p50':>7} {'p95':>7} "
        f"{'p99':>7} {'bytes':>7} {'cpu%':>5} {'err':>4} {'vs naive':>8} {'vs base':>8}"
    )
    for name in counts:
        for server in ("api", "naive", "baseline"):
            per_level = runs.get(server, {}).get(name)
            if not per_level:
                continue
            for clients, r in per_level.items():
                gain = overhead = None
                if server == "api":  # the ratios run.ratios() stored
                    ratio = results["ratios"].get(name, {}).get(clients, {})
                    gain = _times(ratio.get("batching_gain"))
                    overhead = _times(ratio.get("overhead_vs_baseline"))
                print(
                    f"{name:20} {server:9} {clients:>7} {_fmt(r['rps']):>8} {_fmt(r['p50_ms']):>7} "
                    f"{_fmt(r['p95_ms']):>7} {_fmt(r['p99_ms']):>7} {_fmt(r['response_bytes']):>7} "
                    f"{_fmt(r['client_cpu_percent'], 0):>5} {r['errors']:>4} {_fmt(gain):>8} "
                    f"{_fmt(overhead):>8}"
                )
    print()
    print(
        "vs naive = API req/s ÷ naive req/s (gain of batching); "
        "vs base = baseline req/s ÷ API req/s (the API's overhead)"
    )
