"""Command line of the benchmark harness: build, measure, load, report."""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from contextlib import ExitStack
from datetime import UTC, datetime

from . import cached, databases, machine, measure, memory, report, serve

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
        "--redis-url",
        default=cached.REDIS_URL,
        help="a spare Redis database for the cached column, emptied before and "
        "after use (default: %(default)s); with --quick an unreachable Redis is "
        "skipped, otherwise it stops the run",
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


def print_figures(pages, raw_floor, backends):
    """Print req/s per page: uncached, and cached per backend with its share of
    the raw floor."""
    print(
        f"  {'raw floor':<9} {raw_floor['wrk']['rps']:8.1f} requests/s "
        f"(bare WSGI: {raw_floor['bare_wrk']['rps']:.1f})",
        flush=True,
    )
    for page in pages:
        line = f"  {page['page']:<9} {page['wrk']['rps']:8.1f} requests/s uncached"
        for backend in backends:
            if backend in page.get("cached", {}):
                rps = page["cached"][backend]["wrk"]["rps"]
                share = rps / raw_floor["wrk"]["rps"]
                line += f", {rps:8.1f} cached ({backend}, {share:4.0%} of raw floor)"
        print(line, flush=True)


def measure_under_load(env, pages, *, duration, redis_url):
    """Serve the render path, the cached pages and the raw floor with gunicorn
    at once, and load every URL with wrk in interleaved slices."""
    story = next(page for page in pages if page["page"] == "story")
    # Searches are never page-cached (a query other than ?page= bypasses the
    # cache), so only the reader pages get a cached column.
    reader = [
        page for page in pages if page["page"] != "floor" and "?" not in page["path"]
    ]
    backends = cached.backends(redis_url)
    loads = []
    with ExitStack() as servers:
        uncached = servers.enter_context(
            serve.gunicorn(env, ready_path=pages[0]["path"], name="uncached")
        )
        cached.check_uncached(uncached.base, story["path"])
        loads += [
            serve.Load(
                ("uncached", page["page"]),
                uncached.base + page["path"],
                probe=uncached.base + pages[0]["path"],
                # Twice the in-process p95 bounds how long a leftover request
                # keeps a worker.
                busy_seconds=2 * page["p95_ms"] / 1000,
            )
            for page in pages
        ]
        bases = {}
        for backend, cache_url in backends.items():
            if backend == "redis":
                cached.flush_redis(cache_url)
            server = servers.enter_context(
                serve.gunicorn(
                    cached.server_env(env, backend, cache_url),
                    ready_path=story["path"],
                    name=f"cached-{backend}",
                )
            )
            bases[backend] = server.base
            loads += [
                serve.Load(
                    (backend, page["page"]),
                    server.base + page["path"],
                    probe=server.base + story["path"],
                    busy_seconds=cached.BUSY_SECONDS,
                )
                for page in reader
            ]
        # The raw floors hand out the story page exactly as the cache served it.
        _, body = cached.fetch_ok(bases["locmem"] + story["path"])
        floor_env = cached.raw_floor_env(env, body)
        for floor, app in cached.RAW_FLOOR_APPS.items():
            server = servers.enter_context(
                serve.gunicorn(
                    floor_env,
                    ready_path=cached.RAW_FLOOR_PATH,
                    app=app,
                    name=f"{floor}-floor",
                )
            )
            url = server.base + cached.RAW_FLOOR_PATH
            loads.append(
                serve.Load(
                    (floor, "floor"),
                    url,
                    probe=url,
                    busy_seconds=cached.BUSY_SECONDS,
                )
            )
        figures = serve.load_in_rounds(loads, duration=duration)
        probes = {
            backend: {page["page"]: cached.probe(base, page["path"]) for page in reader}
            for backend, base in bases.items()
        }
    if "redis" in backends:
        cached.flush_redis(backends["redis"])
    for page in pages:
        page["wrk"] = figures["uncached", page["page"]]
        if page in reader:
            page["cached"] = {
                backend: {
                    "wrk": figures[backend, page["page"]],
                    "probes": probes[backend][page["page"]],
                }
                for backend in backends
            }
    raw_floor = {
        "path": story["path"],
        "bytes": len(body),
        "wrk": figures["raw", "floor"],
        "bare_wrk": figures["bare", "floor"],
    }
    print_figures(pages, raw_floor, backends)
    return raw_floor


def measure_memory(env, pages, other_stories):
    """Return worker RSS after the first requests of the mix and after all of them."""
    reader = [page["path"] for page in pages if page["page"] != "floor"]
    first, total = memory.FIRST_REQUESTS, memory.TOTAL_REQUESTS
    print(
        f"  worker memory: {total:,} mixed requests on a fresh gunicorn "
        "(page cache on, local memory)",
        flush=True,
    )
    started = time.monotonic()
    with serve.gunicorn(
        databases.cache_env(env, databases.LOCMEM_CACHE_URL),
        ready_path=reader[0],
        name="memory",
    ) as server:
        measured = memory.measure(server, reader, other_stories)
    measured["seconds"] = time.monotonic() - started
    for worker in measured["workers"]:
        steps = ", ".join(
            f"{rss / 1024:.1f}"
            for rss in [worker["rss_kib_start"], *worker["rss_kib_at"]]
        )
        print(
            f"  worker {worker['pid']}: VmRSS MiB at start and after "
            f"{', '.join(f'{count:,}' for count in measured['checkpoints'])}: "
            f"{steps} ({first:,} → {total:,}: "
            f"{worker['rss_kib_total'] / worker['rss_kib_first'] - 1:+.1%})",
            flush=True,
        )
    print(f"  answers: {measured['tally']}", flush=True)
    return measured


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
        print(
            f"  gunicorn ({serve.WORKERS} sync workers) + wrk: uncached, cached "
            f"({', '.join(cached.backends(args.redis_url))}) and the raw floor",
            flush=True,
        )
        raw_floor = measure_under_load(
            env, pages, duration=args.duration, redis_url=args.redis_url
        )
        worker_memory = measure_memory(env, pages, measured["other_stories"])
    return {
        "database": engine,
        "size": size,
        "build_seconds": build_seconds,
        "settings": measured["settings"],
        "pages": pages,
        "related": measured["related"],
        "raw_floor": raw_floor,
        "memory": worker_memory,
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
        "cache_backends": list(cached.backends(args.redis_url)),
        "redis_url": args.redis_url,
        "redis_skipped": getattr(args, "redis_skipped", None),
        "memory_requests": [memory.FIRST_REQUESTS, memory.TOTAL_REQUESTS],
        "memory_checkpoints": list(memory.CHECKPOINTS),
        "memory_clients": memory.CLIENTS,
        "cache_probes": cached.PROBES,
    }


def check_redis(args):
    """Make sure Redis answers; in quick mode, skip its column (and say so) if not."""
    problem = cached.redis_problem(args.redis_url)
    if problem is None:
        return
    if not args.quick:
        raise SystemExit(
            f"{problem}\nStart it, pass --redis-url with a spare database, "
            "or use --quick, which skips the Redis column."
        )
    print(f"SKIPPED the Redis cached column (--quick): {problem}", flush=True)
    args.redis_skipped = problem
    args.redis_url = None


def run(args, argv):
    """Run every database and size; save raw JSON and return it."""
    databases.WORK_DIR.mkdir(parents=True, exist_ok=True)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    check_redis(args)
    postgres = databases.postgres_version() if "postgres" in args.databases else None
    results = {
        "started": started.isoformat(timespec="seconds"),
        "command": command_line(argv),
        "options": options(args),
        "code": machine.code_version(databases.ROOT),
        "machine": machine.describe(
            postgres_version=postgres,
            wrk_version=serve.wrk_version(),
            redis_version=cached.redis_version(args.redis_url)
            if args.redis_url
            else None,
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
