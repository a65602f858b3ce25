"""Describe the machine and software a benchmark ran on."""

import os
import platform
import sqlite3
import subprocess
from importlib.metadata import version
from pathlib import Path

# The application's code: a change here since the commit is named in the report.
APP_PATHS = ("articles", "demo", "media", "pagecache", "cms", "templates", "static")


def cpu_model():
    """Return the CPU model name from /proc/cpuinfo."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def code_version(root, paths=APP_PATHS):
    """Return the git commit measured and the app files changed since it."""

    def git(*args):
        return subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True
        ).stdout

    try:
        commit = git("rev-parse", "--short", "HEAD").strip()
        changed = git("status", "--porcelain", "--", *paths).splitlines()
    except (OSError, subprocess.CalledProcessError):
        return {"commit": "unknown", "changed": []}
    return {"commit": commit, "changed": [line[3:] for line in changed]}


def usable_cores():
    """Return how many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count()


def describe(*, postgres_version, wrk_version, redis_version=None):
    """Return the facts the report prints about the machine and software."""
    return {
        "cpu": cpu_model(),
        "cores": usable_cores(),
        "memory_gib": round(
            os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1
        ),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": version("django"),
        "gunicorn": version("gunicorn"),
        "psycopg": version("psycopg"),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres_version,
        "redis": redis_version,
        "wrk": wrk_version,
    }
