"""Serve Byline with gunicorn on 127.0.0.1 and load it with wrk."""

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass

from .databases import ROOT, WORK_DIR

HOST = "127.0.0.1"
WORKERS = 2
BYLINE_APP = "cms.wsgi:application"
START_TIMEOUT = 60
DRAIN_TIMEOUT = 120
WRK = "wrk"
WRK_THREADS, WRK_CONNECTIONS = 2, 8
WARM_UP_SECONDS = 1
SLICE_SECONDS = 2
# Long enough that a slow page's answers are counted, not dropped as timeouts.
WRK_TIMEOUT = 30


def free_port():
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _wait_until_ready(process, url, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited; see {log}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            # Refused, reset, or a first render slower than the probe's timeout
            # on a busy machine (socket timeouts are not URLErrors): ask again.
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} in {START_TIMEOUT} s; see {log}")


@dataclass(frozen=True)
class Server:
    """A running gunicorn: its base URL and its master process."""

    base: str
    process: subprocess.Popen

    @property
    def pid(self):
        return self.process.pid


@contextmanager
def gunicorn(env, *, ready_path, app=BYLINE_APP, name="byline"):
    """Run gunicorn (sync workers) serving `app` for the duration; yield a Server."""
    port = free_port()
    log = WORK_DIR / f"gunicorn-{name}.log"
    command = [
        *(sys.executable, "-m", "gunicorn", app),
        *("--bind", f"{HOST}:{port}", "--workers", str(WORKERS)),
        *("--worker-class", "sync", "--error-logfile", str(log)),
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    server = Server(base=f"http://{HOST}:{port}", process=process)
    try:
        _wait_until_ready(process, server.base + ready_path, log)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def get(url):
    """GET `url`; return the response's status, headers and body."""
    try:
        with urllib.request.urlopen(url, timeout=DRAIN_TIMEOUT) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _number(pattern, text, default=None):
    match = re.search(pattern, text)
    return float(match.group(1)) if match else default


def _milliseconds(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _seconds(text):
    match = re.search(r"requests in ([\d.]+)(ms|s|m)\b", text)
    if not match:
        return None
    return float(match.group(1)) * {"ms": 0.001, "s": 1.0, "m": 60.0}[match.group(2)]


def parse_wrk(text):
    """Return requests per second, error counts and latency percentiles from wrk."""
    latency = {
        f"p{percent}_ms": _milliseconds(value, unit)
        for percent, value, unit in re.findall(
            r"^\s+(50|90|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", text, re.M
        )
    }
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    return {
        "rps": _number(r"Requests/sec:\s+([\d.]+)", text),
        "requests": int(_number(r"(\d+) requests in", text, 0)),
        "seconds": _seconds(text),
        "non_2xx": int(_number(r"Non-2xx or 3xx responses:\s+(\d+)", text, 0)),
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
        **latency,
    }


def _wrk(url, seconds, *extra):
    finished = subprocess.run(
        [
            *(WRK, f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s"),
            *("--timeout", f"{WRK_TIMEOUT}s", *extra, url),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    return finished.stdout


def warm_up(url):
    """Load `url` briefly so both workers have compiled templates and warm caches."""
    _wrk(url, WARM_UP_SECONDS)


def load(url, *, seconds):
    """Load `url` for `seconds`; return wrk's figures, failing on any non-2xx answer."""
    output = _wrk(url, seconds, "--latency")
    result = parse_wrk(output)
    if result["rps"] is None or not result["seconds"]:
        raise RuntimeError(f"Could not read wrk's output:\n{output}")
    if result["non_2xx"]:
        raise RuntimeError(f"{url} failed under load:\n{output}")
    return result


def slicing(duration):
    """Return how many slices, of how many whole seconds, make up `duration`."""
    rounds = max(1, duration // SLICE_SECONDS)
    return rounds, duration // rounds


def drain(probe_url, *, busy_seconds):
    """Wait until gunicorn has answered the requests wrk left in flight."""
    # When wrk stops, up to one request per connection is still queued. A probe
    # queues behind them; once it is answered, at most one of them is still being
    # served, for at most `busy_seconds`. Without this, a slow page's leftovers
    # would eat into the next page's slice.
    with urllib.request.urlopen(probe_url, timeout=DRAIN_TIMEOUT) as response:
        response.read()
    time.sleep(busy_seconds)


@dataclass(frozen=True)
class Load:
    """One URL to load: `probe` is a URL on the same server, answered once the
    requests wrk left in flight are, and `busy_seconds` the worst time one of
    them can then still keep a worker."""

    key: tuple
    url: str
    probe: str
    busy_seconds: float


def load_in_rounds(loads, *, duration):
    """Load every `Load` for `duration` s in all, in slices taken in turn."""
    # Slices taken in turn spread any change in the machine's background load
    # over every URL alike, so ratios between them (and between servers) stay fair.
    for target in loads:
        warm_up(target.url)
        drain(target.probe, busy_seconds=target.busy_seconds)
    rounds, seconds = slicing(duration)
    slices = {target.key: [] for target in loads}
    for _ in range(rounds):
        for target in loads:
            slices[target.key].append(load(target.url, seconds=seconds))
            drain(target.probe, busy_seconds=target.busy_seconds)
    return {key: combine(runs) for key, runs in slices.items()}


def combine(runs):
    """Return the totals of several wrk runs of one page, with each slice's rate."""
    requests = sum(run["requests"] for run in runs)
    seconds = sum(run["seconds"] for run in runs)
    return {
        "rps": requests / seconds,
        "requests": requests,
        "seconds": seconds,
        "socket_errors": sum(run["socket_errors"] for run in runs),
        "slices_rps": [round(run["rps"], 1) for run in runs],
        "p50_ms_median": sorted(run.get("p50_ms", 0) for run in runs)[len(runs) // 2],
        "p99_ms_max": max(run.get("p99_ms", 0) for run in runs),
    }


def wrk_version():
    """Return wrk's version line."""
    finished = subprocess.run([WRK, "-v"], capture_output=True, text=True)
    return (finished.stdout or finished.stderr).splitlines()[0].split(" [")[0]
