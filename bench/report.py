"""Write docs/benchmarks.md from the raw results of a run.

Numbers the prose quotes come from the code or from the run's results, never
typed in: `bench/analysis.md` writes a code constant as a placeholder such as
`{RELATED_CANDIDATE_WINDOW}`, filled in from `code_constants()`.
"""

import json
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from . import cached, databases, measure, memory, serve

ANALYSIS = Path(__file__).resolve().parent / "analysis.md"
DOCS = databases.ROOT / "docs" / "benchmarks.md"
# Where `--no-docs` writes the report, so a quick run still renders it.
DOCS_ASIDE = databases.WORK_DIR / "benchmarks.md"
# Results of ../shared/peer-bench (its `--json` output), one file per run, written
# there by bench/peer-bench/run.sh.
PEER_FOLDER = "bench/peer-bench"
PEER_BENCH = databases.ROOT / PEER_FOLDER
PEER_PAGES = {"home": "home", "article": "story", "tag": "list (tag or section)"}
PEER_TARGETS = {
    "floor": "raw floor",
    "floor-tpl": "template floor",
    "wagtail": "Wagtail",
    "project": "Byline",
}
DATABASE_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
STORY_TARGET = 0.5
CACHED_STORY_TARGET = 0.9
# The reader pages with a cached target, in the order the report lists them.
CACHED_PAGES = {
    "home": "Home page",
    "story": "Story page",
    "section": "Section page",
    "tag": "Tag page",
    "author": "Author page",
}
# Uncached pages against Wagtail, from a peer-bench run with the page cache off
# (a file named uncached*.json): the multiple of Wagtail's req/s each must reach.
PEER_UNCACHED_TARGETS = {"article": 5.0, "home": 3.0, "tag": 3.0}
PEER_TARGET_PAGES = {"home": "Home page", "article": "Story page", "tag": "List page"}
SCALE_TARGET = 1.3
MEMORY_TARGET = memory.MEMORY_TARGET
# Issue #10's goal for search: the median, in-process, at this size on this database.
SEARCH_TARGET_MS = 50
SEARCH_TARGET_SIZE = 100_000
SEARCH_TARGET_DATABASE = "postgres"
SEARCH_PAGE_PREFIX = "search-"
RELATED_CALLS = {
    "read": "related block, as the story page reads it",
    "ranking": "related stories ranked afresh",
}
NOT_MEASURED = "not measured"
PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
COMMENT = re.compile(r"<!--.*?-->\n?", re.S)


def code_constants():
    """Return the code's constants that the prose quotes, by placeholder name."""
    from django.apps import apps

    if not apps.ready:
        databases.setup_django()
    from articles.prepared import MAX_PLANS
    from articles.related import RELATED_CANDIDATE_WINDOW, STORED_SIMILAR
    from articles.search import RANKED_MATCHES
    from demo.seeding import RANKED_AT_SEED

    from .floor import RELATED_NUMBERS, STORY_NUMBER

    return {
        "RELATED_CANDIDATE_WINDOW": RELATED_CANDIDATE_WINDOW,
        "MAX_PLANS": MAX_PLANS,
        "RANKED_MATCHES": RANKED_MATCHES,
        "RELATED_CARDS": len(RELATED_NUMBERS),
        "STORED_SIMILAR": STORED_SIMILAR,
        "RANKED_AT_SEED": f"{RANKED_AT_SEED:,}",
        "STORY_NUMBER": STORY_NUMBER,
        "STORY_TARGET": f"{STORY_TARGET:.0%}",
        "STORY_TARGET_TIME_FACTOR": f"{1 / STORY_TARGET:g}",
        "CACHED_STORY_TARGET": f"{CACHED_STORY_TARGET:.0%}",
        "SCALE_TARGET": f"{SCALE_TARGET}×",
        "MEMORY_TARGET": f"{MEMORY_TARGET:.0%}",
        "SEARCH_TARGET_MS": SEARCH_TARGET_MS,
        "SEARCH_TARGET_SIZE": SEARCH_TARGET_SIZE,
        "MEMORY_FIRST_REQUESTS": memory.FIRST_REQUESTS,
        "MEMORY_TOTAL_REQUESTS": memory.TOTAL_REQUESTS,
    }


def fill(text, constants):
    """Replace every `{NAME}` in `text`; an unknown name is an error, not a gap."""

    def value(match):
        name = match.group(1)
        if name not in constants:
            raise KeyError(f"{ANALYSIS.name}: no constant named {{{name}}}")
        found = constants[name]
        return f"{found:,}" if isinstance(found, int) else str(found)

    return PLACEHOLDER.sub(value, text)


def analysis(constants):
    """Return bench/analysis.md without its comments, constants filled in."""
    return fill(COMMENT.sub("", ANALYSIS.read_text()), constants)


def verdict(ok):
    """Return the word the tables use for a target met or missed."""
    return "**PASS**" if ok else "**MISS**"


def table(header, rows):
    """Return a Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def floor_of(run):
    """Return the floor's row of a run."""
    return next(page for page in run["pages"] if page["page"] == "floor")


def page_of(run, name):
    """Return the row for page `name` of a run."""
    return next(page for page in run["pages"] if page["page"] == name)


def run_title(run):
    """Return e.g. "SQLite, 1,000 stories"."""
    return f"{DATABASE_NAMES[run['database']]}, {run['size']:,} stories"


def share(numerator, denominator):
    """Return numerator ÷ denominator as a percentage, or a multiple above 10×."""
    ratio = numerator / denominator
    return f"{ratio:.1f}×" if ratio >= 10 else f"{ratio:.0%}"


def raw_floor_rps(run):
    """Return the raw floor's req/s in a run, or None if it was not measured."""
    raw = run.get("raw_floor")
    return raw["wrk"]["rps"] if raw else None


def skipped_reason(results, backend):
    """Return why `backend`'s cached figures are missing from the run, or None."""
    options = results.get("options", {})
    if backend == "redis" and options.get("redis_skipped"):
        return "skipped (Redis unreachable)"
    return None


def cached_cell(results, run, page, backend):
    """Return "req/s (share of the raw floor)" for a page served from the cache."""
    figures = page.get("cached", {}).get(backend)
    if figures is None:
        return skipped_reason(results, backend) or NOT_MEASURED
    rps = figures["wrk"]["rps"]
    raw = raw_floor_rps(run)
    return f"{rps:,.0f} ({rps / raw:.0%})" if raw else f"{rps:,.0f}"


def page_row(results, run, page, floor):
    """Return one page's row of the per-run table."""
    is_floor = page["page"] == "floor"
    return [
        f"**{page['page']}**",
        f"`{page['path']}`<br>{page['label']}",
        page["queries"],
        f"{page['median_ms']:.2f}",
        f"{page['p95_ms']:.2f}",
        f"{page['bytes'] / 1024:.1f}",
        f"{page['median_ms'] / floor['median_ms']:.1f}×",
        f"{page['wrk']['rps']:,.0f}",
        f"{page['wrk']['rps'] / floor['wrk']['rps']:.0%}",
        *(
            "— (not cacheable)" if is_floor else cached_cell(results, run, page, name)
            for name in cached.BACKEND_NAMES
        ),
    ]


def raw_floor_rows(run, floor):
    """Return the rows of the raw floor and the bare WSGI floor, if measured."""
    raw = run.get("raw_floor")
    if not raw:
        return []
    rows = []
    for name, figures, what in (
        ("raw floor", raw["wrk"], "Django view, no middleware, no database"),
        ("bare WSGI", raw.get("bare_wrk"), "plain WSGI function, no Django"),
    ):
        if figures is None:
            continue
        rows.append(
            [
                f"**{name}**",
                f"the bytes of `{raw['path']}` from memory<br>{what}",
                0,
                "—",
                "—",
                f"{raw['bytes'] / 1024:.1f}",
                "—",
                f"{figures['rps']:,.0f}",
                share(figures["rps"], floor["wrk"]["rps"]),
                *("—" for _ in cached.BACKEND_NAMES),
            ]
        )
    return rows


def memory_table(run):
    """Return the worker memory of a run: every worker's VmRSS, and the answers."""
    measured = run.get("memory")
    if not measured:
        return ""
    first, total = measured["requests"]
    checkpoints = measured.get("checkpoints", [first, total])
    rows = []
    for number, worker in enumerate(measured["workers"], start=1):
        at = worker.get(
            "rss_kib_at", [worker["rss_kib_first"], worker["rss_kib_total"]]
        )
        rows.append(
            [
                f"worker {number}",
                f"{worker['rss_kib_start'] / 1024:.1f}",
                *(f"{rss / 1024:.1f}" for rss in at),
                f"{worker['rss_kib_total'] / worker['rss_kib_first'] - 1:+.1%}",
            ]
        )
    tally = measured["tally"]
    answers = ", ".join(
        f"{tally.get(kind, 0):,} {label}"
        for kind, label in (
            ("hit", "cache hits"),
            ("miss", "misses (rendered and stored)"),
            ("none", "rendered past the cache"),
        )
    )
    header = [
        "worker",
        "VmRSS MiB at start",
        *(f"after {count:,}" for count in checkpoints),
        f"growth {first:,} → {total:,}",
    ]
    return (
        f"Worker memory ({total:,} mixed requests from {measured['clients']} "
        f"connections on a fresh gunicorn, page cache on, local memory, "
        f"{measured['seconds']:.0f} s): {answers}.\n\n{table(header, rows)}\n"
    )


def run_table(results, run):
    """Return the per-page table of one database and size."""
    floor = floor_of(run)
    rows = [page_row(results, run, page, floor) for page in run["pages"]]
    rows += raw_floor_rows(run, floor)
    header = [
        "page",
        "URL",
        "queries",
        "median ms",
        "p95 ms",
        "KiB",
        "time ÷ floor",
        "req/s (uncached)",
        "req/s ÷ floor",
        *(
            f"req/s cached, {name} (÷ raw floor)"
            for name in cached.BACKEND_NAMES.values()
        ),
    ]
    slices = ", ".join(f"{rps:.0f}" for rps in floor["wrk"]["slices_rps"])
    note = (
        f"Database built in {run['build_seconds']:.0f} s (migrate + seed_demo). "
        f"The floor's req/s in its successive wrk slices: {slices}."
    )
    raw = run.get("raw_floor")
    if raw:
        raw_slices = ", ".join(f"{rps:.0f}" for rps in raw["wrk"]["slices_rps"])
        note += f" The raw floor's: {raw_slices}."
    errors = sum(page["wrk"]["socket_errors"] for page in run["pages"])
    if errors:
        note += f" wrk reported {errors} socket errors in this run (see the raw JSON)."
    misses = probe_misses(run)
    if misses:
        note += (
            " After the load, these cached pages were not always a cache hit: "
            f"{misses} (see the raw JSON)."
        )
    parts = [f"### {run_title(run)}\n", note + "\n", table(header, rows) + "\n"]
    if run.get("memory"):
        parts.append(memory_table(run))
    return "\n".join(parts)


def probe_misses(run):
    """Return the cached pages whose probes after the load were not all hits."""
    found = []
    for page in run["pages"]:
        for backend, figures in page.get("cached", {}).items():
            probes = figures.get("probes", {})
            if set(probes) - {"hit"}:
                found.append(f"{page['page']} ({backend}: {probes})")
    return ", ".join(found)


def story_rows(results):
    """Return the story-page target rows: uncached against the floor, cached
    against the raw floor."""
    rows = []
    for run in results["runs"]:
        story, floor = page_of(run, "story"), floor_of(run)
        ratio = story["wrk"]["rps"] / floor["wrk"]["rps"]
        in_process = floor["median_ms"] / story["median_ms"]
        rows.append(
            [
                f"Story page, uncached: ≥ {STORY_TARGET:.0%} of floor req/s",
                run_title(run),
                f"{ratio:.0%} (in-process: {in_process:.0%})",
                verdict(ratio >= STORY_TARGET),
            ]
        )
        rows += cached_page_rows(results, run)
        rows.append(memory_row(run))
    return rows + peer_target_rows()


def cached_page_rows(results, run):
    """Return every reader page's cached rows: local memory (target), Redis (reported)."""
    raw = raw_floor_rps(run)
    rows = []
    for name, label in CACHED_PAGES.items():
        page = next((page for page in run["pages"] if page["page"] == name), None)
        if page is None:
            continue
        for backend, backend_name in cached.BACKEND_NAMES.items():
            if backend == "locmem":
                target = (
                    f"{label}, cached ({backend_name}): ≥ {CACHED_STORY_TARGET:.0%} "
                    "of raw floor req/s"
                )
            else:
                target = f"{label}, cached ({backend_name}): share of raw floor req/s"
            figures = page.get("cached", {}).get(backend)
            if figures is None or raw is None:
                reason = skipped_reason(results, backend) or NOT_MEASURED
                rows.append([target, run_title(run), reason, reason.split(" (")[0]])
                continue
            rps = figures["wrk"]["rps"]
            figure = f"{rps / raw:.0%} ({rps:,.0f} ÷ {raw:,.0f} req/s)"
            bare = run["raw_floor"].get("bare_wrk")
            if bare:
                figure += f"; {rps / bare['rps']:.0%} of bare WSGI"
            outcome = (
                verdict(rps / raw >= CACHED_STORY_TARGET)
                if backend == "locmem"
                else "reported (no target)"
            )
            rows.append([target, run_title(run), figure, outcome])
    return rows


def peer_target_rows():
    """Return the targets measured by peer-bench: uncached pages against Wagtail
    (files named uncached*.json), cached pages against its raw floor (cached*.json)."""
    rows = []
    for name, results in peer_results():
        meta = results.get("meta", {})
        run = (
            f"peer-bench `{name}.json`, {meta.get('articles', '?'):,} stories, "
            f"{meta.get('started', 'date not recorded')[:16].replace('T', ' ')}"
        )
        summary = results.get("summary", {})
        for page, label in PEER_TARGET_PAGES.items():
            figures = summary.get(page, {})
            mine = figures.get("project", {}).get("rps")
            if name.startswith("uncached"):
                goal, reference = PEER_UNCACHED_TARGETS[page], "wagtail"
                target = f"{label}, uncached: ≥ {goal:g}× Wagtail req/s"
            elif name.startswith("cached"):
                goal, reference = CACHED_STORY_TARGET, "floor"
                target = (
                    f"{label}, cached: ≥ {goal:.0%} of raw floor req/s (peer-bench)"
                )
            else:
                continue
            theirs = figures.get(reference, {}).get("rps")
            if not mine or not theirs:
                rows.append([target, run, NOT_MEASURED, NOT_MEASURED])
                continue
            ratio = mine / theirs
            figure = (
                f"{ratio:.2f}× ({mine:,.0f} ÷ {theirs:,.0f} req/s)"
                if reference == "wagtail"
                else f"{ratio:.0%} ({mine:,.0f} ÷ {theirs:,.0f} req/s)"
            )
            rows.append([target, run, figure, verdict(ratio >= goal)])
    return rows


def memory_row(run):
    """Return the worker memory target row of a run."""
    measured = run.get("memory")
    first, total = measured["requests"] if measured else memory_requests_default()
    target = (
        f"Worker memory: VmRSS after {total:,} requests within "
        f"{MEMORY_TARGET:.0%} of after {first:,}"
    )
    if not measured:
        return [target, run_title(run), NOT_MEASURED, NOT_MEASURED]
    worst = max(
        measured["workers"],
        key=lambda worker: worker["rss_kib_total"] / worker["rss_kib_first"],
    )
    growth = memory.growth(measured)
    figure = (
        f"{growth:+.1%} ({worst['rss_kib_first'] / 1024:.1f} → "
        f"{worst['rss_kib_total'] / 1024:.1f} MiB; the larger growth of "
        f"{len(measured['workers'])} workers)"
    )
    return [target, run_title(run), figure, verdict(memory.within_target(measured))]


def search_pages(run):
    """Return the search pages of a run, rarest query first."""
    return [
        page for page in run["pages"] if page["page"].startswith(SEARCH_PAGE_PREFIX)
    ]


def search_rows(results):
    """Return the search target's rows: one per search page of the run it names."""
    target = (
        f"Search: median under {SEARCH_TARGET_MS} ms at {SEARCH_TARGET_SIZE:,} "
        f"stories on {DATABASE_NAMES[SEARCH_TARGET_DATABASE]}"
    )
    runs = [
        run
        for run in results["runs"]
        if run["database"] == SEARCH_TARGET_DATABASE
        and run["size"] == SEARCH_TARGET_SIZE
    ]
    rows = [
        [
            target,
            f"{run_title(run)}: **{page['page']}** (`{page['path']}`)",
            f"{page['median_ms']:.1f} ms (p95 {page['p95_ms']:.1f} ms)",
            verdict(page["median_ms"] < SEARCH_TARGET_MS),
        ]
        for run in runs
        for page in search_pages(run)
    ]
    return rows or [[target, "no such run", NOT_MEASURED, NOT_MEASURED]]


def memory_requests_default():
    return memory.FIRST_REQUESTS, memory.TOTAL_REQUESTS


def scale_pairs(results):
    """Yield (database, small run, large run) for every database run at two sizes."""
    for database in results["options"]["databases"]:
        runs = sorted(
            (run for run in results["runs"] if run["database"] == database),
            key=lambda run: run["size"],
        )
        if len(runs) >= 2:
            yield database, runs[0], runs[-1]


def scale_rows(results):
    """Return one row per database and page: time and queries, large vs small."""
    # The verdict uses each page's time as a multiple of its own run's floor: the
    # two sizes are measured minutes apart, and the floor's change between them
    # is the machine's, not the page's.
    rows = []
    for database, small, large in scale_pairs(results):
        drift = floor_of(large)["median_ms"] / floor_of(small)["median_ms"]
        for page in small["pages"]:
            big = page_of(large, page["page"])
            raw = big["median_ms"] / page["median_ms"]
            queries = f"{page['queries']} → {big['queries']}"
            if big["queries"] != page["queries"]:
                queries += " (grows)"
            if page["page"] == "floor":
                figure, outcome = "machine drift", "—"
            else:
                figure = f"**{raw / drift:.2f}×**"
                outcome = verdict(
                    raw / drift <= SCALE_TARGET and big["queries"] == page["queries"]
                )
            rows.append(
                [
                    DATABASE_NAMES[database],
                    f"**{page['page']}**",
                    queries,
                    f"{page['median_ms']:.2f}",
                    f"{big['median_ms']:.2f}",
                    f"{raw:.2f}×",
                    figure,
                    outcome,
                ]
            )
    return rows


def targets_section(results):
    """Return the targets summary: PASS or MISS for every measured target."""
    parts = [
        "## Targets\n",
        "The uncached story target compares req/s under gunicorn with the page "
        "cache off; in brackets, the same comparison from in-process times (floor "
        "median ÷ story median), which background load disturbs less. The cached "
        "targets compare each reader page served from the page cache with the "
        "**raw floor**: the story page's bytes handed out by a Django app with no "
        "middleware, under the same gunicorn settings, loaded in turn with it. "
        "Redis has no target; its figure is reported. Worker memory: every "
        "worker's resident memory (VmRSS) after the whole mix against after its "
        "first requests; the verdict takes the worker that grew most. The "
        "targets against Wagtail come from the peer-bench runs kept in "
        f"`{PEER_FOLDER}/` (see *Side by side with Wagtail*): `uncached*.json` "
        "ran with `PAGE_CACHE=off`, `cached*.json` with the page cache on "
        "(local memory); the list page is Byline's section page against "
        "Wagtail's tag page.\n",
        table(
            ["target", "run", "figure", "verdict"],
            story_rows(results) + search_rows(results),
        ),
    ]
    sizes = sorted(results["options"]["sizes"])
    if len(sizes) >= 2:
        small, large = f"{sizes[0]:,}", f"{sizes[-1]:,}"
        parts += [
            f"\nEvery reader page at {large} stories within {SCALE_TARGET}× its "
            f"median time at {small} stories, with the same number of queries. "
            "*raw*: median at the large size ÷ median at the small size. "
            "*floor-relative*: the same ratio with each median first divided by the "
            "floor's median from its own run, which takes out the change in "
            "background load between the two runs (the floor row shows that "
            "change); the verdict uses it.\n",
            table(
                [
                    "database",
                    "page",
                    "queries",
                    f"median ms at {small}",
                    f"median ms at {large}",
                    "raw",
                    "floor-relative",
                    "verdict",
                ],
                scale_rows(results),
            ),
        ]
    else:
        parts.append("\nThe scale target needs two sizes; this run measured one.")
    return "\n".join(parts) + "\n"


def search_and_related_rows(run):
    """Return one run's rows: each search page, then the related-content block."""
    rows = [
        [
            run_title(run),
            f"**{page['page']}** (`{page['path']}`)",
            page["queries"],
            f"{page['median_ms']:.2f}",
            f"{page['p95_ms']:.2f}",
        ]
        for page in search_pages(run)
    ]
    related = run.get("related")
    for name, label in RELATED_CALLS.items():
        if related is None:
            rows.append([run_title(run), label, NOT_MEASURED, "—", "—"])
            continue
        figures = related[name]
        if name == "read":
            kept = "kept ranking" if related["kept_ranking"] else "never ranked"
            label = f"{label} ({kept})"
        rows.append(
            [
                run_title(run),
                label,
                figures["queries"],
                f"{figures['median_ms']:.2f}",
                f"{figures['p95_ms']:.2f}",
            ]
        )
    return rows


def search_and_related_section(results):
    """Return search latency and the related-content block's cost, per run."""
    rows = [row for run in results["runs"] for row in search_and_related_rows(run)]
    return (
        "\n".join(
            [
                "## Search and related content\n",
                "Search: the whole search page, in-process, from the per-run tables "
                "(three queries from rare to common; the page's median and p95). "
                "Related content: the block alone, in-process, for the measured "
                "story, loaded as the story page loads it. *As the story page reads "
                "it*: `related_content()`, which reads the similar stories kept on "
                "the story when it was last ranked (or ranks them itself if it never "
                "was; the row says which). *Ranked afresh*: `similar_stories()`, the "
                "work `rank_similar()` does when a story changes, and what a page "
                "pays for a story never ranked.\n",
                table(["run", "measured", "queries", "median ms", "p95 ms"], rows),
            ]
        )
        + "\n"
    )


def peer_results():
    """Return (name, results) for every peer-bench JSON file kept in bench/peer-bench/."""
    if not PEER_BENCH.is_dir():
        return []
    return [
        (path.stem, json.loads(path.read_text()))
        for path in sorted(PEER_BENCH.glob("*.json"))
    ]


def peer_cell(summary, target):
    """Return a peer-bench target's req/s, flagged when the run was disturbed."""
    figures = summary.get(target)
    if not figures:
        return "—"
    cell = f"{figures['rps']:,.0f}"
    if figures.get("non2xx"):
        cell += f" ⚠ {figures['non2xx']} non-2xx"
    if figures.get("disturbed_runs"):
        cell += f" ⚠ {figures['disturbed_runs']}/{figures['runs']} runs disturbed"
    return cell


def peer_ratio(summary, target, reference):
    """Return target ÷ reference req/s from a peer-bench summary, or "—"."""
    mine, theirs = summary.get(target), summary.get(reference)
    if not mine or not theirs or not theirs.get("rps"):
        return "—"
    return f"{mine['rps'] / theirs['rps']:.2f}×"


def peer_table(name, results):
    """Return one peer-bench run as a table, with its settings and any note."""
    meta = results.get("meta", {})
    summary = results.get("summary", {})
    rows = []
    for page, label in PEER_PAGES.items():
        figures = summary.get(page, {})
        if not figures:
            continue
        project = figures.get("project", {})
        wagtail = figures.get("wagtail", {})
        rows.append(
            [
                label,
                *(peer_cell(figures, target) for target in PEER_TARGETS),
                peer_ratio(figures, "project", "floor"),
                peer_ratio(figures, "project", "wagtail"),
                f"{wagtail.get('bytes', '—')} / {project.get('bytes', '—')}",
            ]
        )
    header = [
        "page",
        *(f"{label} req/s" for label in PEER_TARGETS.values()),
        "Byline ÷ raw floor",
        "Byline ÷ Wagtail",
        "bytes: Wagtail / Byline",
    ]
    line = (
        f"`{name}.json`: {meta.get('started', 'date not recorded')}, "
        f"{meta.get('articles', '?'):,} stories, {meta.get('rounds', '?')} rounds × "
        f"{meta.get('duration_s', '?')} s of `wrk -t{meta.get('wrk_threads', '?')} "
        f"-c{meta.get('conc', '?')}` per page, gunicorn "
        f"`{' '.join(meta.get('gunicorn', []))}`."
    )
    skipped = [
        f"{target}: {info.get('reason')}"
        for target, info in results.get("targets", {}).items()
        if info.get("status") != "ok"
    ]
    if skipped:
        line += " Skipped: " + "; ".join(skipped) + "."
    parts = [f"### {name}\n", line + "\n"]
    if results.get("note"):
        parts.append(f"{results['note']}\n")
    parts.append(table(header, rows) + "\n")
    return "\n".join(parts)


def peer_section():
    """Return the side-by-side run of ../shared/peer-bench, or where it goes."""
    folder = PEER_FOLDER
    intro = (
        "## Side by side with Wagtail (peer-bench)\n\n"
        "From `../shared/peer-bench` (its README says how it measures): Byline, a "
        "Wagtail build of the same pages, a raw floor (pre-rendered bytes, Django "
        "with no middleware) and a template floor, all under the same gunicorn "
        "settings, in one interleaved run. Its figures come from its own run, not "
        "this one. The list page is Byline's section page against Wagtail's tag "
        "page. Byline's server gets the environment the run was started with "
        "(`PAGE_CACHE`, `CACHE_URL`): each file's note says which.\n"
    )
    found = peer_results()
    if not found:
        return (
            intro + f"\nNot run for this report. From the project root: `bash "
            f"{folder}/run.sh uncached` and `bash {folder}/run.sh cached` (each "
            f"writes `{folder}/NAME.json`, saying how Byline was served), then "
            "rerender with `.venv/bin/python bench/run.py --from-json "
            "bench/results/run-….json`.\n"
        )
    return intro + "\n" + "\n".join(peer_table(name, data) for name, data in found)


def connection_line(results):
    """Return CONN_MAX_AGE as the measured processes resolved it."""
    ages = {run.get("settings", {}).get("CONN_MAX_AGE", 0) for run in results["runs"]}
    return "CONN_MAX_AGE " + ", ".join(str(age) for age in sorted(ages))


def code_line(code):
    """Return the commit measured, and any app files changed since it."""
    if not code:
        return "not recorded"
    line = f"commit `{code['commit']}`"
    if code["changed"]:
        line += " with uncommitted changes to " + ", ".join(
            f"`{path}`" for path in code["changed"]
        )
    return line


def redis_line(results):
    """Return the Redis server measured, or why it was not."""
    options = results["options"]
    if options.get("redis_skipped"):
        return f"skipped: {options['redis_skipped']}"
    version = results["machine"].get("redis")
    if not version:
        return "not measured"
    return f"{version}, `{options['redis_url']}` (emptied before and after use)"


def warm_up_seconds(options):
    """Return the seconds of wrk warm-up per page, as the run recorded them."""
    return options.get("warm_up_seconds", serve.WARM_UP_SECONDS)


def machine_section(results):
    """Return the run's date, command, machine and software."""
    machine, options = results["machine"], results["options"]
    rounds, seconds = options.get("wrk_slices", (1, options["duration"]))
    started = datetime.fromisoformat(results["started"])
    took = f", took {results['minutes']} min" if "minutes" in results else ""
    loads = [
        value
        for run in results["runs"]
        for page in run["pages"][:1]
        for value in page.get("load_average", [])
    ]
    rows = [
        ["Date", f"{started:%Y-%m-%d %H:%M} UTC{took}"],
        ["Command", f"`{results['command']}`"],
        ["Code", code_line(results.get("code"))],
        ["CPU", f"{machine['cpu']}, {machine['cores']} cores"],
        ["Memory", f"{machine['memory_gib']} GiB"],
        ["OS", machine["os"]],
        ["Python", machine["python"]],
        ["Django", machine["django"]],
        ["SQLite", machine["sqlite"]],
        ["PostgreSQL", machine["postgresql"] or "not measured"],
        ["Redis", redis_line(results)],
        [
            "gunicorn",
            f"{machine['gunicorn']}, {options['gunicorn_workers']} sync workers",
        ],
        ["psycopg", machine["psycopg"]],
        ["Persistent connections", connection_line(results)],
        [
            "Load generator",
            f"{machine['wrk']}: `wrk {options['wrk']}`, {rounds} × {seconds} s per "
            "page, slices taken in turn with the other pages, after "
            f"{warm_up_seconds(options)} s of warm-up",
        ],
        [
            "In-process",
            f"up to {options['requests']} timed requests per page "
            f"(at most ~{options['budget']:.0f} s per page), after "
            f"{options.get('warm_up_requests', measure.WARM_UP_REQUESTS)} warm-up "
            "requests",
        ],
    ]
    if loads:
        rows.append(
            [
                "Background load",
                f"1-minute load average {min(loads):.1f} to {max(loads):.1f} "
                "while timing in-process (other work shares this machine)",
            ]
        )
    return "## Run\n\n" + table(["", ""], rows) + "\n"


def how_to_run():
    """Return how to run the harness, with the command line's own defaults."""
    from .cli import DEFAULTS, QUICK

    def sizes(values):
        return " and ".join(f"{size:,}" for size in values)

    def names(values):
        return " and ".join(DATABASE_NAMES[name] for name in values)

    server = urlsplit(databases.POSTGRES_ADMIN_URL)
    postgres = f"{server.hostname}:{server.port} (user `{server.username}`)"
    full_databases, full_sizes = names(DEFAULTS["databases"]), sizes(DEFAULTS["sizes"])
    quick_databases, quick_sizes = names(QUICK["databases"]), sizes(QUICK["sizes"])
    aside = DOCS_ASIDE.relative_to(databases.ROOT)
    peer = PEER_FOLDER
    redis_url = cached.REDIS_URL
    return f"""## How to run

- `make bench`: the full run ({full_databases}, {full_sizes} stories,
  {DEFAULTS["duration"]} s of wrk per page and per server); *Run* above says how
  long the run took, and on how many cores. It needs PostgreSQL on {postgres},
  Redis with a spare database (`{redis_url}` unless `--redis-url` says
  otherwise; the harness empties it before and after use) and `wrk` (Debian
  package).
- `make bench BENCH_ARGS=--quick`: {quick_sizes} stories on {quick_databases},
  {QUICK["duration"]} s of wrk per page, for development and CI. If Redis does not
  answer, it prints that it skipped the Redis column and measures the cached
  pages with the local-memory cache only. Add `--no-docs` to write the report to
  `{aside}` and leave this file alone.
- `.venv/bin/python bench/run.py --help` lists the options (`--sizes`,
  `--databases`, `--duration`, `--requests`, `--budget`, `--redis-url`, `--keep`
  to keep the databases for `EXPLAIN`, `--from-json FILE` to rewrite this file
  from raw results).
- The side-by-side run with Wagtail is separate: put its JSON in
  `{peer}/` (see *Side by side with Wagtail*).
- The harness sets its own environment for every subprocess (settings module,
  database URL, `DEBUG`, `SECRET_KEY`, `ALLOWED_HOSTS`, static and media folders
  under `var/bench/`), so it runs from a fresh clone; `make test` never runs it
  (`.ci/run` runs `--quick` after the tests, so a broken harness fails CI).
"""


def method_section(results, constants):
    """Return how the figures were measured, with this run's parameters."""
    options, machine = results["options"], results["machine"]
    rounds, seconds = options.get("wrk_slices", (1, options["duration"]))
    slices = f"{seconds} s slices" if rounds > 1 else f"one {seconds} s slice"
    story, related = constants["STORY_NUMBER"], constants["RELATED_CARDS"]
    workers, cores = options["gunicorn_workers"], machine["cores"]
    warm_up = warm_up_seconds(options)
    timeout = options.get("wrk_timeout", serve.WRK_TIMEOUT)
    probes = options.get("cache_probes", cached.PROBES)
    first, total = options.get("memory_requests", memory_requests_default())
    *steps, last = (
        f"{count:,}" for count in options.get("memory_checkpoints", (first, total))
    )
    checkpoints = f"{', '.join(steps)} and {last}"
    clients = options.get("memory_clients", memory.CLIENTS)
    hits, bypass = memory.HITS_PER_PAGE, memory.BYPASS_PARAMETER
    stories, pool = memory.STORIES_PER_CYCLE, memory.STORY_POOL
    return f"""## Method

- **Fresh database per run**: SQLite file under `var/bench/`, or a throwaway
  PostgreSQL database `byline_bench_N` (dropped afterwards); `migrate`, then
  `seed_demo --articles N` (the demo newsroom plus N synthetic stories). PostgreSQL
  gets `VACUUM ANALYZE` after the bulk load, as autovacuum would soon after in
  production; SQLite gets nothing (Django never runs `ANALYZE` on it).
- **Settings**: `bench.settings` is `cms.settings` plus one URL, `/__floor__/`,
  and its own page-cache generation file under `var/bench/`.
  `DEBUG=false`, a generated `SECRET_KEY`, `ALLOWED_HOSTS={serve.HOST}`,
  local-memory cache, static files collected into `var/bench/static`; everything
  else as the app's settings resolve it. `CONN_MAX_AGE` is the app's
  (see *Run*): at 0, every request opens its own database connection.
- **Pages**: home; synthetic story {story} (published, the same story at every
  size); the section, tag and author with the most published stories.
- **Queries** per request: one request under `CaptureQueriesContext`, after warm-up.
- **Server time** in-process: Django's WSGI handler (what gunicorn calls, so every
  middleware and context processor runs) with a `RequestFactory` environ; the
  pages are timed in rounds, one request each per round, so background load
  touches every page and the floor alike. Median and p95 of the samples.
- **Requests per second**: gunicorn with {workers} sync workers on {serve.HOST},
  loaded by wrk on the same {cores}-core machine (so wrk takes CPU from gunicorn,
  equally for every page). After {warm_up} s of warm-up per page, each page gets
  its load in {slices} taken in turn with the other pages, for the same
  reason as above; after each slice the harness waits until gunicorn has answered
  what wrk left in flight, so a slow page cannot eat into the next page's slice. wrk's timeout is
  {timeout} s, so slow answers are counted. Any non-2xx answer fails the run.
- **Uncached**: the in-process times and the *req/s (uncached)* column come
  from Byline with `PAGE_CACHE=off` (the harness sets it; the app's default is
  on), so every request renders the page; the harness checks that the story
  page comes back without an `X-Page-Cache` header.
- **Cached**: at the same time, a second and a third gunicorn serve Byline with
  `PAGE_CACHE=on`, one with the local-memory cache (`{databases.LOCMEM_CACHE_URL}`,
  one cache per worker) and one with Redis (see *Run*). Their reader pages are
  loaded in the same rounds as the uncached ones, after the same warm-up (which
  fills the caches). After the load, each cached page is requested
  {probes} times and must answer `X-Page-Cache: hit` at least once (the run
  fails otherwise); any answer that was not a hit is named under the table.
- **Raw floor** (`bench/rawfloor.py`): the story page's bytes, exactly as the
  local-memory server sent them from its cache, handed out by a one-file Django
  app with no middleware, no apps and no database, under the same gunicorn
  settings, loaded in the same rounds: the fastest that page comes back through
  Django's handler. The cached columns give each page's req/s as a share of it.
  Beside it, **bare WSGI**: the same bytes from a plain WSGI function, no Django
  at all, what gunicorn alone costs. A cache that answers before Django's
  handler runs can beat the raw floor; bare WSGI is the ceiling then.
- **Worker memory** (`bench/memory.py`): a fresh gunicorn (same settings, page
  cache on, local memory) gets {total:,} requests from {clients} concurrent
  connections, in a fixed cycle: every reader page {hits} times (cache hits),
  one reader page in turn with a `{bypass}` query parameter, which the page cache
  ignores, so it renders (as links with tracking parameters do), and
  {stories} other stories in turn from the newest {pool} (each a miss the first
  time a worker sees it, a hit afterwards). Every worker's VmRSS is read from
  `/proc/PID/status` at start and after {checkpoints} answers; the target
  compares the reading after {total:,} with the one after the first {first:,}.
- **Floor** (`bench/floor.py`): the story template rendered through the same
  middleware, context processors and template as the story page, from unsaved
  model instances built in memory: synthetic story {story} exactly as `seed_demo`
  makes it (headline, standfirst, body, section, hero image, byline, tags),
  {related} related cards, and the navigation's sections. Its relations are
  filled the way `prefetch_related` fills them. The floor puts its own
  `nav_sections` over the one the `site` context processor adds (Django's Jinja2
  backend lets processors overwrite a view's names), so the processor's lazy
  list of sections is never read. Anonymous requests
  carry no session cookie, so the session and auth middleware do not touch the
  database either. The floor runs under `connection.execute_wrapper` that raises
  on any query, and the harness asserts it made zero queries.
"""


def render(results):
    """Return the whole Markdown report."""
    constants = code_constants()
    parts = [
        "# Benchmarks\n",
        "Reader pages measured against a **floor** (the story page rendered from "
        "memory, with no database) in the same run, and served from the page "
        "cache against a **raw floor** (the story page's stored bytes, from a "
        "Django app with no middleware). Generated by `make bench` "
        "(`bench/run.py`); raw figures in `bench/results/`. Do not edit by hand: "
        "the analysis at the end comes from `bench/analysis.md`, the side-by-side "
        f"run from `{PEER_FOLDER}/`.\n",
        machine_section(results),
        targets_section(results),
        search_and_related_section(results),
        peer_section(),
        "## Results per database and size\n",
        "Times are server time per request in-process, with the page cache off; "
        "req/s is under gunicorn with wrk. *time ÷ floor*: how many times slower "
        "than the floor; *req/s (uncached)*: the page rendered on every request "
        "(`PAGE_CACHE=off`); *req/s ÷ floor*: its share of the floor's "
        "throughput. *req/s cached*: the same page served by the page cache "
        "(`PAGE_CACHE=on`), with the local-memory cache or Redis; in brackets, "
        "its share of the raw floor's req/s. The **raw floor** and **bare WSGI** "
        "rows show their own req/s in the *req/s (uncached)* column, and how many "
        "times the floor's that is.\n",
        *(run_table(results, run) for run in results["runs"]),
        how_to_run(),
        method_section(results, constants),
    ]
    if ANALYSIS.exists():
        parts.append(analysis(constants))
    return "\n".join(parts)
