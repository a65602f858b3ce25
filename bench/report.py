"""Write docs/benchmarks.md from the raw results of a run.

Numbers the prose quotes come from the code or from the run's results, never
typed in: `bench/analysis.md` writes a code constant as a placeholder such as
`{RELATED_CANDIDATE_WINDOW}`, filled in from `code_constants()`.
"""

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from . import databases, measure, serve

ANALYSIS = Path(__file__).resolve().parent / "analysis.md"
DOCS = databases.ROOT / "docs" / "benchmarks.md"
# Where `--no-docs` writes the report, so a quick run still renders it.
DOCS_ASIDE = databases.WORK_DIR / "benchmarks.md"
DATABASE_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
STORY_TARGET = 0.5
# The discovery issue's goal: search under 50 ms median at 100,000 stories on PostgreSQL.
SEARCH_TARGET_MS = 50
SEARCH_TARGET_SIZE = 100_000
CACHED_STORY_TARGET = 0.9
SCALE_TARGET = 1.3
NO_CACHE = "n/a (no page cache yet)"
PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
COMMENT = re.compile(r"<!--.*?-->\n?", re.S)


def code_constants():
    """Return the code's constants that the prose quotes, by placeholder name."""
    from django.apps import apps

    if not apps.ready:
        databases.setup_django()
    from articles.related import RELATED_CANDIDATE_WINDOW

    from .floor import RELATED_NUMBERS, STORY_NUMBER

    return {
        "RELATED_CANDIDATE_WINDOW": RELATED_CANDIDATE_WINDOW,
        "RELATED_CARDS": len(RELATED_NUMBERS),
        "STORY_NUMBER": STORY_NUMBER,
        "STORY_TARGET": f"{STORY_TARGET:.0%}",
        "STORY_TARGET_TIME_FACTOR": f"{1 / STORY_TARGET:g}",
        "CACHED_STORY_TARGET": f"{CACHED_STORY_TARGET:.0%}",
        "SCALE_TARGET": f"{SCALE_TARGET}×",
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


def run_table(run):
    """Return the per-page table of one database and size."""
    floor = floor_of(run)
    rows = []
    for page in run["pages"]:
        rows.append(
            [
                f"**{page['page']}**",
                f"`{page['path']}`<br>{page['label']}",
                page["queries"],
                f"{page['median_ms']:.2f}",
                f"{page['p95_ms']:.2f}",
                f"{page['bytes'] / 1024:.1f}",
                f"{page['median_ms'] / floor['median_ms']:.1f}×",
                f"{page['wrk']['rps']:.0f}",
                f"{page['wrk']['rps'] / floor['wrk']['rps']:.0%}",
                NO_CACHE if page["page"] != "floor" else "—",
            ]
        )
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
        "req/s (cached)",
    ]
    slices = ", ".join(f"{rps:.0f}" for rps in floor["wrk"]["slices_rps"])
    note = (
        f"Database built in {run['build_seconds']:.0f} s (migrate + seed_demo). "
        f"The floor's req/s in its successive wrk slices: {slices}."
    )
    errors = sum(page["wrk"]["socket_errors"] for page in run["pages"])
    if errors:
        note += f" wrk reported {errors} socket errors in this run (see the raw JSON)."
    return f"### {run_title(run)}\n\n{note}\n\n{table(header, rows)}\n"


def story_rows(results):
    """Return the story-page target rows: uncached req/s against the floor's."""
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
        rows.append(
            [
                f"Story page, cached: ≥ {CACHED_STORY_TARGET:.0%} of floor req/s",
                run_title(run),
                NO_CACHE,
                "not measurable yet",
            ]
        )
    return rows


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
        "The story target compares req/s under gunicorn; in brackets, the same "
        "comparison from in-process times (floor median ÷ story median), which "
        "background load disturbs less.\n",
        table(["target", "run", "figure", "verdict"], story_rows(results)),
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


def search_rows(results):
    """Return one row per run and search page or related-content call."""
    rows = []
    for run in results["runs"]:
        measured = [
            (f"`{page['path']}`<br>{page['label']}", page)
            for page in run["pages"]
            if page["page"].startswith("search")
        ]
        measured += [(call["name"], call) for call in run.get("related", [])]
        for name, figures in measured:
            goal = "—"
            if (
                figures in run["pages"]
                and run["database"] == "postgres"
                and run["size"] == SEARCH_TARGET_SIZE
            ):
                goal = verdict(figures["median_ms"] < SEARCH_TARGET_MS)
            rows.append(
                [
                    run_title(run),
                    name,
                    figures["queries"],
                    f"{figures['median_ms']:.2f}",
                    f"{figures['p95_ms']:.2f}",
                    goal,
                ]
            )
    return rows


def search_section(results):
    """Return search latency and related-content cost for every run."""
    return (
        "## Search and related content\n\n"
        "Server time in-process, as for the pages above. Search results are never "
        "page-cached (their query string keeps them out), so these are renders. "
        "Related content is timed as a call of `related_content()` for synthetic "
        f"story {code_constants()['STORY_NUMBER']} (three topics or more, so by "
        "topics) and of `more_like_this()` for the same story (the path a story "
        f"with fewer than two topics takes). Goal: search under {SEARCH_TARGET_MS} "
        f"ms median at {SEARCH_TARGET_SIZE:,} stories on PostgreSQL.\n\n"
        + table(
            ["run", "what", "queries", "median ms", "p95 ms", "goal"],
            search_rows(results),
        )
        + "\n"
    )


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
    return f"""## How to run

- `make bench`: the full run ({full_databases}, {full_sizes} stories,
  {DEFAULTS["duration"]} s of wrk per page); *Run* above says how long the run
  took, and on how many cores. It needs PostgreSQL on {postgres}
  and `wrk` (Debian package).
- `make bench BENCH_ARGS=--quick`: {quick_sizes} stories on {quick_databases},
  {QUICK["duration"]} s of wrk per page, for development and CI. Add `--no-docs`
  to write the report to `{aside}` and leave this file alone.
- `.venv/bin/python bench/run.py --help` lists the options (`--sizes`,
  `--databases`, `--duration`, `--requests`, `--budget`, `--keep` to keep the
  databases for `EXPLAIN`, `--from-json FILE` to rewrite this file from raw results).
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
    return f"""## Method

- **Fresh database per run**: SQLite file under `var/bench/`, or a throwaway
  PostgreSQL database `byline_bench_N` (dropped afterwards); `migrate`, then
  `seed_demo --articles N` (the demo newsroom plus N synthetic stories). PostgreSQL
  gets `VACUUM ANALYZE` after the bulk load, as autovacuum would soon after in
  production; SQLite gets nothing (Django never runs `ANALYZE` on it).
- **Settings**: `bench.settings` is `cms.settings` plus one URL, `/__floor__/`.
  `DEBUG=false`, a generated `SECRET_KEY`, `ALLOWED_HOSTS={serve.HOST}`,
  local-memory cache, static files collected into `var/bench/static`; everything
  else as the app's settings resolve it. `CONN_MAX_AGE` is the app's
  (see *Run*): at 0, every request opens its own database connection.
- **Pages**: home; synthetic story {story} (published, the same story at every
  size); the section, tag and author with the most published stories; three
  searches, from a query with one match to one matching most stories.
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
- **Uncached**: the harness turns the page cache off (`PAGE_CACHE=off`), so
  every request renders the page.
- **Floor** (`bench/floor.py`): the story template rendered through the same
  middleware, context processors and template as the story page, from unsaved
  model instances built in memory: synthetic story {story} exactly as `seed_demo`
  makes it (headline, standfirst, body, section, hero image, byline, tags),
  {related} related cards, and the navigation's sections. Its relations are
  filled the way `prefetch_related` fills them. The view's context supplies
  `nav_sections`, which takes precedence over the lazy queryset of the `site` context processor (that
  processor still runs; its queryset is never evaluated). Anonymous requests
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
        "memory, with no database) in the same run. Generated by `make bench` "
        "(`bench/run.py`); raw figures in `bench/results/`. Do not edit by hand: "
        "the analysis at the end comes from `bench/analysis.md`.\n",
        machine_section(results),
        targets_section(results),
        "## Results per database and size\n",
        "Times are server time per request in-process; req/s is under gunicorn "
        "with wrk. *time ÷ floor*: how many times slower than the floor; "
        "*req/s ÷ floor*: share of the floor's throughput.\n",
        *(run_table(run) for run in results["runs"]),
        search_section(results),
        how_to_run(),
        method_section(results, constants),
    ]
    if ANALYSIS.exists():
        parts.append(analysis(constants))
    return "\n".join(parts)
