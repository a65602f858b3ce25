"""The page cache under load: Byline with it on, and the raw floor beside it.

The cached figures come from gunicorn serving Byline with `PAGE_CACHE=on`, once
with the local-memory cache and once with Redis (a spare database, emptied
before and after). The raw floor (`bench/rawfloor.py`) serves the story page's
bytes, as the cached server sent them, from a Django app with no middleware;
beside it, the same bytes from a plain WSGI function (`bare`).
"""

from collections import Counter

import redis

from . import databases, serve

# A spare database: the README's example uses 1, peer-bench's 9, the tests 15.
REDIS_URL = "redis://127.0.0.1:6379/13"
REDIS_KEY_PREFIX = "bench"
# The raw floor (Django, no middleware) and the bare WSGI floor beside it.
RAW_FLOOR_APPS = {
    "raw": "bench.rawfloor:application",
    "bare": "bench.rawfloor:bare_application",
}
RAW_FLOOR_PATH = "/"
RAW_FLOOR_FILE = databases.WORK_DIR / "raw-floor.html"
HEADER = "X-Page-Cache"
# Requests per cached page after its load, to check they were cache hits.
PROBES = 10
# A cache hit keeps a worker for a millisecond or two; a leftover request from
# wrk is answered well within this after the drain probe.
BUSY_SECONDS = 0.05
BACKEND_NAMES = {"locmem": "local memory", "redis": "Redis"}


def redis_problem(url):
    """Return why Redis at `url` cannot be used, or None when it answers."""
    try:
        with redis.Redis.from_url(url, socket_connect_timeout=2) as client:
            client.ping()
    except redis.RedisError as error:
        return f"Redis is unreachable at {url}: {error}"
    return None


def redis_version(url):
    """Return the version of the Redis server at `url`."""
    with redis.Redis.from_url(url, socket_connect_timeout=2) as client:
        return client.info("server")["redis_version"]


def flush_redis(url):
    """Empty the Redis database at `url` (the harness's own, never a shared one)."""
    with redis.Redis.from_url(url, socket_connect_timeout=2) as client:
        client.flushdb()


def backends(redis_url):
    """Return {backend: CACHE_URL} for the cached runs; Redis only with a URL."""
    urls = {"locmem": databases.LOCMEM_CACHE_URL}
    if redis_url:
        urls["redis"] = redis_url
    return urls


def server_env(env, backend, cache_url):
    """Return the environment of the cached server for `backend`."""
    cached = databases.cache_env(env, cache_url)
    if backend == "redis":
        cached["CACHE_KEY_PREFIX"] = REDIS_KEY_PREFIX
    return cached


def raw_floor_env(env, body):
    """Store `body` for the raw floor and return its server's environment."""
    RAW_FLOOR_FILE.write_bytes(body)
    return {**env, "BENCH_RAW_FLOOR_BODY": str(RAW_FLOOR_FILE)}


def fetch_ok(url):
    """GET `url`; return its headers and body, failing on anything but 200."""
    status, headers, body = serve.get(url)
    if status != 200:
        raise RuntimeError(f"{url} answered {status}, not 200")
    return headers, body


def check_uncached(base, path):
    """Fail unless the uncached server renders `path` without the page cache."""
    headers, _ = fetch_ok(base + path)
    if headers.get(HEADER) is not None:
        raise RuntimeError(
            f"{base + path} answered with {HEADER}: {headers[HEADER]} although "
            "PAGE_CACHE is off: the uncached figures would measure the cache"
        )


def probe(base, path, *, count=PROBES):
    """Request a cached page `count` times; return how many answers were what."""
    seen = Counter()
    for _ in range(count):
        headers, _ = fetch_ok(base + path)
        seen[headers.get(HEADER, "none")] += 1
    if not seen["hit"]:
        raise RuntimeError(
            f"{base + path} was never a page-cache hit in {count} requests "
            f"({dict(seen)}): the cached figures would measure the render path"
        )
    return dict(seen)
