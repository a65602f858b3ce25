"""Worker memory: a gunicorn worker's resident memory after 1,000 and 20,000 requests.

A fresh gunicorn (the same settings as the measured one, page cache on, local
memory) gets a deterministic mix of reader requests from `CLIENTS` concurrent
connections: mostly cache hits on the measured reader pages, some renders (a
reader page with a query parameter the page cache ignores, as a link with
tracking parameters has), and other stories taken in turn from a pool, which
fill each worker's cache. Every worker's VmRSS is read from /proc/PID/status
at start and after `CHECKPOINTS` answers: the target compares the one after
`TOTAL_REQUESTS` with the one after the first `FIRST_REQUESTS`.
"""

import http.client
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from .cached import HEADER

FIRST_REQUESTS = 1_000
TOTAL_REQUESTS = 20_000
# Answer counts at which every worker's RSS is read.
CHECKPOINTS = (FIRST_REQUESTS, 5_000, 10_000, TOTAL_REQUESTS)
MEMORY_TARGET = 0.10
CLIENTS = 8
# One cycle of the mix, 50 requests (a cached site serves mostly hits, and one
# render costs as much as dozens of hits): every reader page this many times
# (cache hits) ...
HITS_PER_PAGE = 7
# ... one reader page, in turn, with a query parameter the cache ignores (rendered) ...
RENDERS_PER_CYCLE = 1
BYPASS_PARAMETER = "utm_source"
# ... and this many other stories, in turn from the newest `STORY_POOL` published.
STORIES_PER_CYCLE = 14
STORY_POOL = 100
TIMEOUT = 60


def mix(reader_paths, story_paths, count):
    """Return the first `count` request paths of the mix, in order."""
    paths = []
    cycle = 0
    while len(paths) < count:
        for path in reader_paths:
            paths += [path] * HITS_PER_PAGE
        for turn in range(RENDERS_PER_CYCLE):
            rendered = reader_paths[
                (cycle * RENDERS_PER_CYCLE + turn) % len(reader_paths)
            ]
            separator = "&" if "?" in rendered else "?"
            paths.append(f"{rendered}{separator}{BYPASS_PARAMETER}=bench-{cycle}")
        for turn in range(STORIES_PER_CYCLE):
            if story_paths:
                index = (cycle * STORIES_PER_CYCLE + turn) % len(story_paths)
                paths.append(story_paths[index])
        cycle += 1
    return paths[:count]


def vm_rss_kib(pid, proc=Path("/proc")):
    """Return VmRSS of process `pid` in KiB, from /proc/PID/status."""
    for line in (proc / str(pid) / "status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def children(pid, proc=Path("/proc")):
    """Return the ids of the processes whose parent is `pid`, in order."""
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The name, in brackets, may hold spaces; the parent id follows its state.
        parent = int(stat.rpartition(")")[2].split()[1])
        if parent == pid:
            found.append(int(entry.name))
    return sorted(found)


def _sender(base):
    parts = urlsplit(base)

    def send(path):
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port, timeout=TIMEOUT
        )
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response.status, response.getheader(HEADER) or "none"
        finally:
            connection.close()

    return send


def send_all(base, paths, *, clients=CLIENTS):
    """Send every path in `paths` over `clients` connections; tally the answers."""
    with ThreadPoolExecutor(max_workers=clients) as pool:
        answers = list(pool.map(_sender(base), paths, chunksize=16))
    failed = Counter(status for status, _ in answers if status != 200)
    if failed:
        raise RuntimeError(f"the memory mix got non-200 answers: {dict(failed)}")
    return Counter(cache for _, cache in answers)


def snapshot(master_pid):
    """Return {worker pid: VmRSS KiB} for every worker of the gunicorn `master_pid`."""
    return {pid: vm_rss_kib(pid) for pid in children(master_pid)}


def measure(server, reader_paths, story_paths, *, checkpoints=CHECKPOINTS):
    """Send the mix to `server`; return every worker's RSS at each checkpoint.

    `checkpoints` are answer counts, FIRST_REQUESTS and TOTAL_REQUESTS among
    them; the ones between show whether memory levels off or keeps growing.
    """
    paths = mix(reader_paths, story_paths, checkpoints[-1])
    snapshots = [snapshot(server.pid)]
    tally, sent = Counter(), 0
    for checkpoint in checkpoints:
        tally += send_all(server.base, paths[sent:checkpoint])
        sent = checkpoint
        snapshots.append(snapshot(server.pid))
    if not snapshots[0] or any(set(seen) != set(snapshots[0]) for seen in snapshots):
        raise RuntimeError(
            f"gunicorn's workers changed during the memory mix "
            f"({[sorted(seen) for seen in snapshots]}): one was restarted"
        )
    workers = []
    for pid in sorted(snapshots[0]):
        rss = {
            count: seen[pid]
            for count, seen in zip(checkpoints, snapshots[1:], strict=True)
        }
        workers.append(
            {
                "pid": pid,
                "rss_kib_start": snapshots[0][pid],
                "rss_kib_first": rss[FIRST_REQUESTS],
                "rss_kib_total": rss[TOTAL_REQUESTS],
                "rss_kib_at": [rss[count] for count in checkpoints],
            }
        )
    return {
        "requests": [FIRST_REQUESTS, TOTAL_REQUESTS],
        "checkpoints": list(checkpoints),
        "clients": CLIENTS,
        "tally": dict(tally),
        "workers": workers,
    }


def growth(memory):
    """Return the largest worker's RSS growth from `first` to `total` requests."""
    return max(
        worker["rss_kib_total"] / worker["rss_kib_first"] - 1
        for worker in memory["workers"]
    )


def within_target(memory, target=MEMORY_TARGET):
    """Say whether every worker's RSS after all requests is within `target` of
    its RSS after the first ones."""
    return all(
        worker["rss_kib_total"] <= worker["rss_kib_first"] * (1 + target)
        for worker in memory["workers"]
    )
