"""The production cache backend, exercised against the real Redis server."""

import os
import socket

import environ
import pytest
from django.core.cache.backends.redis import RedisCache

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable(url):
    config = environ.Env.cache_url_config(url)
    host_port = config["LOCATION"].split("//", 1)[1].split("/", 1)[0]
    host, _, port = host_port.partition(":")
    try:
        socket.create_connection((host, int(port or 6379)), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_cache():
    if not redis_reachable(REDIS_URL):
        message = f"Redis is not reachable at {REDIS_URL}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must have it)")
        pytest.skip(message)
    config = environ.Env.cache_url_config(REDIS_URL)
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    cache = RedisCache(config["LOCATION"], {"KEY_PREFIX": f"byline-test-{os.getpid()}"})
    yield cache
    cache.clear()


def test_cache_url_for_redis_round_trips_values(redis_cache):
    redis_cache.set("story:1", {"title": "Cable fault"}, timeout=30)
    assert redis_cache.get("story:1") == {"title": "Cable fault"}
    assert redis_cache.add("hits", 0) is True
    assert redis_cache.incr("hits") == 1
    assert redis_cache.get("missing", default="fallback") == "fallback"
