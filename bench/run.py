"""Runs the benchmarks under bench/ at each scale, on SQLite and then on PostgreSQL, and reports one table, a
JSON file and a growth plot.

A benchmark is any module here exposing `main(scale: float = 1.0) -> list[Row]` (rows may also be mappings
with Row's field names). New benchmarks are picked up by that alone. By default only the HEADLINE ones run, the
figures the product is held to, so that a run on both databases stays within ten minutes; `--all` runs every one.
"""

import argparse
import datetime
import importlib
import inspect
import os
import pkgutil
import platform
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from bench.plot import plot
from bench.report import Row, as_row, table, write_json
from bench.serving import on_database

HERE = Path(__file__).parent
# The feed page against the stack's limit and the no-op route, search at 100,000 and 1,000,000 documents, and the
# fan-out of a harvest to 1,000, 10,000 and 100,000 members.
HEADLINE = ["gateway", "search", "fan_out"]
RESULTS = HERE / "results"
# A benchmark module's `main(scale=...)`.
Benchmark = Callable[..., Iterable[Row | Mapping[str, Any]]]


def benchmarks(only: list[str] | None = None) -> dict[str, Benchmark]:
    found: dict[str, Benchmark] = {}
    for info in pkgutil.iter_modules([str(HERE)]):
        if info.name.startswith("_") or (only and info.name not in only):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        main = getattr(module, "main", None)
        if callable(main) and "scale" in inspect.signature(main).parameters:
            found[info.name] = main
    return found


def machine(databases: list[str]) -> dict[str, object]:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "memory_gib": round(memory, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "databases": databases,
    }


def _measured(label: str, main: Benchmark, scale: float, database: str) -> list[Row] | None:
    """The benchmark's rows, or None (with its traceback printed) when it failed."""
    print(f"running {label} ...", file=sys.stderr, flush=True)
    began = time.perf_counter()
    try:
        return [as_row(found, scale, database) for found in main(scale=scale)]
    except Exception:
        traceback.print_exc()
        return None
    finally:
        print(f"  {label} took {time.perf_counter() - began:.0f}s", file=sys.stderr, flush=True)


def run(only: list[str] | None, scales: list[float], databases: list[str]) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    failed: list[str] = []
    for database in databases:
        with on_database(database):
            for name, main in benchmarks(only).items():
                for scale in scales:
                    label = f"{name} at {scale:g}x on {database}"
                    found = _measured(label, main, scale, database)
                    if found is None:
                        failed.append(label)
                    else:
                        rows += found
    return rows, failed


def report(only: list[str] | None, scales: list[float], databases: list[str]) -> int:
    """Runs, prints the table, writes the JSON and the plot; 1 when a benchmark failed."""
    began = time.perf_counter()
    rows, failed = run(only, scales, databases)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    print(table(rows))
    print(f"\nthe run took {(time.perf_counter() - began) / 60:.1f} minutes")
    print(f"results: {write_json(rows, machine(databases), RESULTS / f'{stamp}.json')}")
    if picture := plot(rows, RESULTS / f"{stamp}.png"):
        print(f"growth plot: {picture}")
    for name in failed:
        print(f"FAILED: {name}", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--only", nargs="*", help=f"benchmark modules to run (default: {' '.join(HEADLINE)})")
    chosen.add_argument("--all", action="store_true", help="every benchmark under bench/")
    parser.add_argument("--scales", default="1,10", help="data scales, comma-separated (default 1,10)")
    parser.add_argument(
        "--databases", default="sqlite,postgresql", help="comma-separated, each run in turn (default sqlite,postgresql)"
    )
    args = parser.parse_args(argv)
    only = None if args.all else args.only or HEADLINE
    return report(only, [float(scale) for scale in args.scales.split(",")], args.databases.split(","))
