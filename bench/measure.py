"""Measure reader pages in-process: SQL queries and server time per request.

Run by `bench/run.py` in a subprocess whose environment names the database:
`python -m bench.measure --output FILE`. Requests go through Django's own WSGI
handler (the one gunicorn calls), so every middleware and context processor runs.
Pages are timed in rounds, one request each per round, so a change in the
machine's background load touches every page and the floor alike.
"""

import argparse
import json
import os
import statistics
import sys
import time

WARM_UP_REQUESTS = 20
MIN_ROUNDS = 30


def call(handler, environ):
    """Send one WSGI request to `handler`; return its status code and body."""
    status = []
    response = handler(
        environ, lambda line, headers, exc_info=None: status.append(line)
    )
    try:
        body = b"".join(response)
    finally:
        response.close()
    return int(status[0].split()[0]), body


def percentile(samples, fraction):
    """Return the nearest-rank percentile of `samples`."""
    ordered = sorted(samples)
    rank = max(1, round(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def count_queries(handler, environ):
    """Send one request; return its status, body size and the SQL it ran."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        status, body = call(handler, environ)
    # Read now: the next request's `request_started` signal clears the log.
    return status, len(body), [query["sql"] for query in captured.captured_queries]


def time_rounds(handler, environs, *, rounds, budget):
    """Time one request per page per round, up to `rounds` or `budget` seconds."""
    samples = {path: [] for path in environs}
    deadline = time.perf_counter() + budget
    for done in range(1, rounds + 1):
        for path, make_environ in environs.items():
            environ = make_environ()
            start = time.perf_counter_ns()
            call(handler, environ)
            samples[path].append((time.perf_counter_ns() - start) / 1e6)
        if done >= MIN_ROUNDS and time.perf_counter() > deadline:
            break
    return samples


def time_calls(calls, *, rounds, budget):
    """Time each of `calls` once per round, up to `rounds` or `budget` seconds."""
    samples = {name: [] for name in calls}
    deadline = time.perf_counter() + budget
    for done in range(1, rounds + 1):
        for name, function in calls.items():
            start = time.perf_counter_ns()
            function()
            samples[name].append((time.perf_counter_ns() - start) / 1e6)
        if done >= MIN_ROUNDS and time.perf_counter() > deadline:
            break
    return samples


def measure_related(slug, *, rounds, budget):
    """Time the story's related-content block alone, as the page reads it and
    ranked afresh, with the queries each makes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article
    from articles.related import STORED_SIMILAR, related_content, similar_stories

    # Loaded as the story page loads it: the block reads its prefetched topics.
    article = Article.objects.published().with_detail_data().get(slug=slug)
    calls = {
        "read": lambda: related_content(article),
        # What `rank_similar()` works out when a story changes, and what the
        # page works out itself for a story never ranked.
        "ranking": lambda: similar_stories(
            article, exclude={article.pk}, limit=STORED_SIMILAR
        ),
    }
    results = {"story": slug, "kept_ranking": article.similar_story_ids is not None}
    for name, function in calls.items():
        for _ in range(WARM_UP_REQUESTS):
            function()
        with CaptureQueriesContext(connection) as captured:
            function()
        results[name] = {"queries": len(captured.captured_queries)}
    for name, timings in time_calls(calls, rounds=rounds, budget=budget).items():
        results[name] |= {
            "samples": len(timings),
            "median_ms": statistics.median(timings),
            "p95_ms": percentile(timings, 0.95),
        }
        print(
            f"  related ({name}) {results[name]['queries']:>3} queries  "
            f"median {results[name]['median_ms']:7.2f} ms  "
            f"p95 {results[name]['p95_ms']:7.2f} ms",
            flush=True,
        )
    return results


def measure(pages, *, rounds, budget):
    """Warm up and count queries for every page, then time them in rounds."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    handler, factory = WSGIHandler(), RequestFactory()
    environs = {
        path: (lambda path=path: factory.get(path, HTTP_HOST="127.0.0.1").environ)
        for _, path, _ in pages
    }
    results = []
    for page, path, label in pages:
        for _ in range(WARM_UP_REQUESTS):
            call(handler, environs[path]())
        status, size, sql = count_queries(handler, environs[path]())
        if status != 200:
            raise RuntimeError(f"{path} answered {status}, not 200")
        if page == "floor" and sql:
            raise AssertionError(f"The floor made {len(sql)} queries: {sql}")
        results.append(
            {"page": page, "path": path, "label": label, "queries": len(sql)}
            | {"sql": sql, "bytes": size}
        )
    load_before = os.getloadavg()[0]
    samples = time_rounds(
        handler, environs, rounds=rounds, budget=budget * len(environs)
    )
    for result in results:
        timings = samples[result["path"]]
        result |= {
            "samples": len(timings),
            "median_ms": statistics.median(timings),
            "p95_ms": percentile(timings, 0.95),
            "load_average": [load_before, os.getloadavg()[0]],
        }
        print(
            f"  {result['page']:<8} {result['queries']:>3} queries  "
            f"median {result['median_ms']:7.2f} ms  p95 {result['p95_ms']:7.2f} ms",
            flush=True,
        )
    return results


def effective_settings():
    """Return the settings that shape the figures, as this process resolved them."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    return {
        "DEBUG": settings.DEBUG,
        "ENGINE": database["ENGINE"],
        "CONN_MAX_AGE": database.get("CONN_MAX_AGE"),
        "CONN_HEALTH_CHECKS": database.get("CONN_HEALTH_CHECKS"),
        "CACHE_BACKEND": settings.CACHES["default"]["BACKEND"],
        "PAGE_CACHE": settings.PAGE_CACHE,
        "ARTICLES_PER_PAGE": settings.ARTICLES_PER_PAGE,
    }


def main(argv=None):
    """Measure every page and write the results as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--budget", type=float, default=10.0)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings

    from .memory import STORY_POOL
    from .targets import other_stories, pick_pages, story_slug

    if settings.PAGE_CACHE:
        raise SystemExit("bench.measure times the render path: set PAGE_CACHE=off")
    pages = measure(pick_pages(), rounds=args.requests, budget=args.budget)
    measured = {
        "settings": effective_settings(),
        "pages": pages,
        "related": measure_related(
            story_slug(), rounds=args.requests, budget=args.budget
        ),
        "other_stories": other_stories(STORY_POOL),
    }
    with open(args.output, "w") as out:
        json.dump(measured, out, indent=2)


if __name__ == "__main__":
    sys.exit(main())
