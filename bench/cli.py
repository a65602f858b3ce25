"""Command line of the benchmark harness: build, measure, load, report."""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime

from . import databases, machine, measure, report, serve

RESULTS_DIR = databases.ROOT / "bench" / "results"
DEFAULTS = {
    "sizes": [1000, 100_000],
    "databases": ["sqlite", "postgres"],
    "duration": 8,
}
QUICK = {"sizes": [1000], "databases": ["sqlite"], "duration": 2}
# Synthetic stories are numbered from 1; the measured one must exist at every size.
MIN_SIZE = 1000


def parse_args(argv):
    """Read the command line; `--quick` is the development shorthand."""
    parser = argparse.ArgumentParser(
        prog="bench/run.py",
        description="Benchmark Byline's reader pages against an in-memory floor.",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULTS["sizes"])
    parser.add_argument(
        "--databases",
        nargs="+",
        choices=sorted(databases.DATABASES),
        default=DEFAULTS["databases"],
    )
    parser.add_argument(
        "--duration",
        type=int,
        default=DEFAULTS["duration"],
        help="seconds of wrk load per page",
    )
    parser.add_argument(
        "--requests", type=int, default=200, help="in-process timed requests per page"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=10.0,
        help="in-process seconds per page, at most",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{', '.join(map('{:,}'.format, QUICK['sizes']))} stories, "
        f"{', '.join(QUICK['databases'])}, {QUICK['duration']} s of wrk",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the databases for inspection"
    )
    parser.add_argument(
        "--no-docs",
        action="store_true",
        help=f"leave {report.DOCS.relative_to(databases.ROOT)} alone; write the "
        f"report to {report.DOCS_ASIDE.relative_to(databases.ROOT)}",
    )
    parser.add_argument(
        "--from-json", metavar="FILE", help="only rewrite the report from raw results"
    )
    args = parser.parse_args(argv)
    if args.quick:
        vars(args).update(QUICK)
    if min(args.sizes) < MIN_SIZE:
        parser.error(f"each size must be at least {MIN_SIZE:,}")
    if not 1 <= args.duration <= 120:
        parser.error("--duration must be between 1 and 120 seconds")
    return args


def command_line(argv):
    """Return the command as the person typed it, through make or directly."""
    args = shlex.join(argv)
    if os.environ.get("MAKELEVEL"):
        return "make bench" + (f" BENCH_ARGS={shlex.quote(args)}" if args else "")
    return f".venv/bin/python bench/run.py {args}".rstrip()


def collect_static():
    """Collect static files once, as a DEBUG-off deployment needs them."""
    env = databases.django_env(os.environ, "sqlite:///:memory:")
    databases.manage(env, "collectstatic", "--noinput", "--clear", "-v0")


def measure_in_process(env, args, output):
    """Run bench.measure in a subprocess against the database in `env`."""
    subprocess.run(
        [
            *(sys.executable, "-m", "bench.measure", "--output", str(output)),
            *("--requests", str(args.requests), "--budget", str(args.budget)),
        ],
        cwd=databases.ROOT,
        env=env,
        check=True,
    )
    return json.loads(output.read_text())


def measure_under_load(env, pages, *, duration):
    """Serve with gunicorn and load every page with wrk, in interleaved slices."""
    # Twice the in-process p95 bounds how long one leftover request keeps a worker.
    busy = {page["path"]: 2 * page["p95_ms"] / 1000 for page in pages}
    with serve.gunicorn(env, ready_path=pages[0]["path"]) as base:
        figures = serve.load_in_rounds(base, busy, duration=duration)
    for page in pages:
        page["wrk"] = figures[page["path"]]
        print(f"  {page['page']:<8} {page['wrk']['rps']:8.1f} requests/s", flush=True)


def bench_one(engine, size, args):
    """Build a fresh `engine` database with `size` stories and measure every page."""
    print(f"\n== {engine}, {size:,} stories", flush=True)
    with databases.DATABASES[engine](size, keep=args.keep) as url:
        env = databases.django_env(os.environ, url)
        shutil.rmtree(databases.WORK_DIR / "media", ignore_errors=True)
        started = time.monotonic()
        databases.build(env, engine=engine, size=size)
        build_seconds = time.monotonic() - started
        print(f"  built in {build_seconds:.0f} s; measuring in-process", flush=True)
        output = databases.WORK_DIR / f"in-process-{engine}-{size}.json"
        measured = measure_in_process(env, args, output)
        pages = measured["pages"]
        print(f"  gunicorn ({serve.WORKERS} sync workers) + wrk", flush=True)
        measure_under_load(env, pages, duration=args.duration)
    return {
        "database": engine,
        "size": size,
        "build_seconds": build_seconds,
        "settings": measured["settings"],
        "pages": pages,
        "related": measured["related"],
    }


def options(args):
    """Return the run's options and the harness constants the report quotes."""
    return {
        "sizes": args.sizes,
        "databases": args.databases,
        "duration": args.duration,
        "requests": args.requests,
        "budget": args.budget,
        "warm_up_requests": measure.WARM_UP_REQUESTS,
        "gunicorn_workers": serve.WORKERS,
        "warm_up_seconds": serve.WARM_UP_SECONDS,
        "wrk_slices": serve.slicing(args.duration),
        "wrk_timeout": serve.WRK_TIMEOUT,
        "wrk": f"-t{serve.WRK_THREADS} -c{serve.WRK_CONNECTIONS} "
        f"--timeout {serve.WRK_TIMEOUT}s",
    }


def run(args, argv):
    """Run every database and size; save raw JSON and return it."""
    databases.WORK_DIR.mkdir(parents=True, exist_ok=True)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    postgres = databases.postgres_version() if "postgres" in args.databases else None
    results = {
        "started": started.isoformat(timespec="seconds"),
        "command": command_line(argv),
        "options": options(args),
        "code": machine.code_version(databases.ROOT),
        "machine": machine.describe(
            postgres_version=postgres, wrk_version=serve.wrk_version()
        ),
        "runs": [],
    }
    path = RESULTS_DIR / f"run-{started:%Y%m%d-%H%M%S}.json"
    collect_static()
    for engine in args.databases:
        for size in args.sizes:
            results["runs"].append(bench_one(engine, size, args))
            # Saved after every run, so an interrupted benchmark keeps what it measured.
            path.write_text(json.dumps(results, indent=2))
    finished = datetime.now(UTC)
    results["finished"] = finished.isoformat(timespec="seconds")
    results["minutes"] = round((finished - started).total_seconds() / 60, 1)
    path.write_text(json.dumps(results, indent=2))
    print(f"\nRaw results: {path.relative_to(databases.ROOT)}")
    return results


def main(argv=None):
    """Run the harness and write docs/benchmarks.md."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.from_json:
        with open(args.from_json) as source:
            results = json.load(source)
    else:
        results = run(args, argv)
    # Rendered even with --no-docs, so a quick run (as in CI) checks the report too.
    docs = report.DOCS_ASIDE if args.no_docs else report.DOCS
    docs.parent.mkdir(parents=True, exist_ok=True)
    docs.write_text(report.render(results))
    print(f"Report: {docs.relative_to(databases.ROOT)}")
    return 0
