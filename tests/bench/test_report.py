"""The benchmark report quotes the code's constants, not copies typed into prose,
and renders the cached columns, the raw floor, worker memory and peer-bench."""

import json

import pytest

from articles.related import RELATED_CANDIDATE_WINDOW
from articles.search import RANKED_MATCHES
from bench import cached, cli, measure, memory, report, serve
from bench.floor import RELATED_NUMBERS, STORY_NUMBER
from demo.seeding import RANKED_AT_SEED

PAGES = ("floor", "home", "story", "section", "tag", "author")
RAW_FLOOR_RPS = 4000.0


def wrk(rps):
    return {"rps": rps, "socket_errors": 0, "slices_rps": [rps]}


def fake_run(size, *, story_cached=3800.0, rss=(60_000, 62_000, 64_000)):
    """Return one database and size of a run, with made-up figures.

    The cached story page reaches `story_cached` req/s against a raw floor of
    RAW_FLOOR_RPS; each worker's VmRSS is `rss` KiB at start, after the first
    requests and after all of them.
    """
    pages = []
    for index, name in enumerate(PAGES):
        page = {
            "page": name,
            "path": f"/{name}/",
            "label": name,
            "queries": 0 if name == "floor" else 4,
            "bytes": 9216,
            "median_ms": 5.0 * (index + 1),
            "p95_ms": 8.0 * (index + 1),
            "load_average": [1.0, 1.5],
            "wrk": wrk(300.0 / (index + 1)),
        }
        if name != "floor":
            locmem = story_cached if name == "story" else 2000.0
            page["cached"] = {
                "locmem": {"wrk": wrk(locmem), "probes": {"hit": 10}},
                "redis": {"wrk": wrk(1000.0), "probes": {"hit": 10}},
            }
        pages.append(page)
    start, first, total = rss
    return {
        "database": "sqlite",
        "size": size,
        "build_seconds": 4.0,
        "settings": {"CONN_MAX_AGE": 60, "PAGE_CACHE": False},
        "pages": pages,
        "raw_floor": {
            "path": "/story/",
            "bytes": 9300,
            "wrk": wrk(RAW_FLOOR_RPS),
            "bare_wrk": wrk(6000.0),
        },
        "memory": {
            "requests": [memory.FIRST_REQUESTS, memory.TOTAL_REQUESTS],
            "clients": memory.CLIENTS,
            "tally": {"hit": 19_000, "miss": 600, "none": 400},
            "seconds": 25.0,
            "workers": [
                {
                    "pid": pid,
                    "rss_kib_start": start,
                    "rss_kib_first": first,
                    "rss_kib_total": total,
                }
                for pid in (101, 102)
            ],
        },
    }


def make_results(runs, **options):
    args = cli.parse_args(["--databases", "sqlite", "--sizes", "1000", "100000"])
    vars(args).update(options)
    return {
        "started": "2026-12-01T04:32:44+00:00",
        "command": "make bench",
        "options": cli.options(args),
        "code": {"commit": "abc1234", "changed": []},
        "machine": {
            "cpu": "Test CPU",
            "cores": 2,
            "memory_gib": 4.0,
            "os": "Linux",
            "python": "3.11",
            "django": "5.2",
            "sqlite": "3.40",
            "postgresql": None,
            "redis": "7.0.15",
            "gunicorn": "27.0",
            "psycopg": "3.3",
            "wrk": "wrk 4.1.0",
        },
        "runs": runs,
    }


@pytest.fixture
def results():
    return make_results([fake_run(1000), fake_run(100_000)])


@pytest.fixture(autouse=True)
def no_peer_results(tmp_path, monkeypatch):
    """Render without whatever peer-bench files the working tree holds."""
    monkeypatch.setattr(report, "PEER_BENCH", tmp_path / "peer-bench")


def flat(text):
    return " ".join(text.split())


def target_rows(text, target):
    """Return the cells of every Targets row whose first cell starts with `target`."""
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith(f"| {target}")
    ]


def test_report_quotes_the_constants_as_the_code_has_them(results):
    text = flat(report.render(results))

    assert f"ranks only the newest {RELATED_CANDIDATE_WINDOW:,} public stories" in text
    assert f"synthetic story {STORY_NUMBER} (published" in text
    assert f"{len(RELATED_NUMBERS)} related cards" in text
    assert f"{serve.WORKERS} sync workers" in text
    assert f"`wrk -t{serve.WRK_THREADS} -c{serve.WRK_CONNECTIONS} " in text
    assert f"wrk's timeout is {serve.WRK_TIMEOUT} s" in text
    assert f"after {serve.WARM_UP_SECONDS} s of warm-up" in text
    assert f"after {measure.WARM_UP_REQUESTS} warm-up requests" in text
    assert f"{cli.DEFAULTS['duration']} s of wrk per page" in text
    assert f"{cli.QUICK['duration']} s of wrk per page" in text
    assert f"≥ {report.STORY_TARGET:.0%} of floor req/s" in text
    assert f"within {report.SCALE_TARGET}× its median time" in text
    assert f"≥ {report.CACHED_STORY_TARGET:.0%} of raw floor req/s" in text
    assert (
        f"VmRSS after {memory.TOTAL_REQUESTS:,} requests within "
        f"{memory.MEMORY_TARGET:.0%} of after {memory.FIRST_REQUESTS:,}"
    ) in text
    assert f"`{cached.REDIS_URL}` (emptied before and after use)" in text
    assert f"requested {cached.PROBES} times" in text
    assert f"from {memory.CLIENTS} concurrent connections" in text
    assert f"every reader page {memory.HITS_PER_PAGE} times" in text
    assert f"`{memory.BYPASS_PARAMETER}` query parameter" in text
    assert f"{memory.STORIES_PER_CYCLE} other stories in turn from the newest" in text
    assert f"Search finds the newest {RANKED_MATCHES:,} matches" in text
    assert f"related stories of the newest {RANKED_AT_SEED:,} stories" in text
    assert (
        f"median under {report.SEARCH_TARGET_MS} ms at "
        f"{report.SEARCH_TARGET_SIZE:,} stories on PostgreSQL"
    ) in text


def test_every_placeholder_is_filled_and_the_comment_left_out(results):
    text = report.render(results)

    assert not report.PLACEHOLDER.search(text)
    assert "<!--" not in text
    assert "{RELATED_CANDIDATE_WINDOW}" in report.ANALYSIS.read_text()


def test_an_unknown_placeholder_fails_the_report():
    with pytest.raises(KeyError, match="NO_SUCH_CONSTANT"):
        report.fill("a {NO_SUCH_CONSTANT} b", {"STORY_NUMBER": STORY_NUMBER})


def test_cached_columns_give_each_page_its_share_of_the_raw_floor(results):
    text = report.render(results)

    assert "req/s cached, local memory (÷ raw floor)" in text
    assert "req/s cached, Redis (÷ raw floor)" in text
    (story,) = {tuple(row) for row in target_rows(text, "**story**")}
    # Uncached 100 req/s beside cached 3,800 (95% of 4,000) and Redis 1,000 (25%).
    assert story[7:] == ("100", "33%", "3,800 (95%)", "1,000 (25%)")
    (floor,) = {tuple(row) for row in target_rows(text, "**floor**")}
    assert floor[-2:] == ("— (not cacheable)", "— (not cacheable)")


def test_raw_floor_and_bare_wsgi_rows_show_their_req_s(results):
    text = report.render(results)

    (raw,) = {tuple(row) for row in target_rows(text, "**raw floor**")}
    (bare,) = {tuple(row) for row in target_rows(text, "**bare WSGI**")}
    # 4,000 and 6,000 req/s against the floor's 300: 13.3× and 20.0×.
    assert raw[5:9] == ("9.1", "—", "4,000", "13.3×")
    assert bare[7:9] == ("6,000", "20.0×")
    assert "The raw floor's: 4000." in text


@pytest.mark.parametrize(
    ("story_cached", "outcome"),
    [(3600.0, "**PASS**"), (3599.0, "**MISS**")],
)
def test_cached_story_verdict_is_measured_against_the_raw_floor(story_cached, outcome):
    # 90% of the raw floor's 4,000 req/s is 3,600.
    text = report.render(make_results([fake_run(1000, story_cached=story_cached)]))

    (row,) = target_rows(text, "Story page, cached (local memory)")
    assert row[2].startswith(f"{story_cached / RAW_FLOOR_RPS:.0%} ({story_cached:,.0f}")
    assert row[2].endswith(f"; {story_cached / 6000:.0%} of bare WSGI")
    assert row[3] == outcome
    (redis_row,) = target_rows(text, "Story page, cached (Redis)")
    assert redis_row[2] == "25% (1,000 ÷ 4,000 req/s); 17% of bare WSGI"
    assert redis_row[3] == "reported (no target)"


@pytest.mark.parametrize(
    ("rss", "outcome"),
    [((50_000, 60_000, 66_000), "**PASS**"), ((50_000, 60_000, 66_100), "**MISS**")],
)
def test_memory_verdict_takes_growth_from_first_requests_to_all(rss, outcome):
    text = report.render(make_results([fake_run(1000, rss=rss)]))

    (row,) = target_rows(text, "Worker memory")
    assert row[3] == outcome
    assert f"{rss[2] / rss[1] - 1:+.1%}" in row[2]
    assert "19,000 cache hits, 600 misses (rendered and stored), 400 rendered" in flat(
        text
    )


def test_redis_skipped_in_quick_mode_is_said_not_hidden():
    run = fake_run(1000)
    for page in run["pages"]:
        page.get("cached", {}).pop("redis", None)
    results = make_results(
        [run], redis_url=None, redis_skipped="Redis is unreachable at redis://x"
    )
    text = report.render(results)

    (row,) = target_rows(text, "Story page, cached (Redis)")
    assert row[2:] == ["skipped (Redis unreachable)", "skipped"]
    (story,) = target_rows(text, "**story**")
    assert story[-1] == "skipped (Redis unreachable)"
    assert "| Redis | skipped: Redis is unreachable at redis://x |" in text


def test_results_from_before_the_page_cache_still_render():
    run = fake_run(1000)
    for key in ("raw_floor", "memory"):
        del run[key]
    for page in run["pages"]:
        page.pop("cached", None)
    results = make_results([run])
    text = report.render(results)

    (row,) = target_rows(text, "Story page, cached (local memory)")
    assert row[2:] == ["not measured", "not measured"]
    (row,) = target_rows(text, "Worker memory")
    assert row[2:] == ["not measured", "not measured"]
    assert not target_rows(text, "**raw floor**")


def test_peer_bench_place_says_how_to_fill_it(results):
    text = flat(report.render(results))

    assert "## Side by side with Wagtail (peer-bench)" in text
    assert "Not run for this report." in text
    assert "`bash bench/peer-bench/run.sh uncached`" in text


def peer_summary(floor, wagtail, project):
    def figures(rps, size):
        return {"rps": rps, "bytes": size, "runs": 3, "non2xx": 0} | {
            "disturbed_runs": 0
        }

    return {
        "floor": figures(floor, 9000),
        "floor-tpl": figures(floor / 4, 9000),
        "wagtail": figures(wagtail, 9000),
        "project": figures(project, 9300),
    }


def test_peer_bench_results_render_with_their_ratios(results, monkeypatch, tmp_path):
    folder = tmp_path / "peer"
    folder.mkdir()
    peer = {
        "meta": {
            "started": "2026-12-01T06:00:00+00:00",
            "articles": 1000,
            "duration_s": 8,
            "rounds": 3,
            "conc": 8,
            "wrk_threads": 2,
            "gunicorn": ["--workers", "2", "--worker-class", "sync"],
        },
        "targets": {
            "floor": {"status": "ok"},
            "wagtail": {"status": "ok"},
            "project": {"status": "ok"},
        },
        "summary": {
            "home": peer_summary(3500, 65, 60),
            "article": peer_summary(3300, 110, 3000),
            "tag": peer_summary(3600, 62, 150),
        },
        "note": "Byline at abc1234, PAGE_CACHE on, local memory.",
    }
    (folder / "cache-on.json").write_text(json.dumps(peer))
    monkeypatch.setattr(report, "PEER_BENCH", folder)

    text = report.render(results)

    assert "### cache-on" in text
    assert "Byline at abc1234, PAGE_CACHE on, local memory." in text
    assert "Not run for this report." not in text
    (story,) = target_rows(text, "story")
    # Byline 3,000 against the raw floor's 3,300 and Wagtail's 110.
    assert story[1:] == [
        "3,300",
        "825",
        "110",
        "3,000",
        "0.91×",
        "27.27×",
        "9000 / 9300",
    ]


def test_every_reader_page_has_a_cached_verdict_against_the_raw_floor():
    # Other pages reach 2,000 req/s: half of the raw floor's 4,000.
    text = report.render(make_results([fake_run(1000)]))

    for label in ("Home page", "Section page", "Tag page", "Author page"):
        (row,) = target_rows(text, f"{label}, cached (local memory)")
        assert row[2].startswith("50% (2,000 ÷ 4,000 req/s)")
        assert row[3] == "**MISS**"
        (redis_row,) = target_rows(text, f"{label}, cached (Redis)")
        assert redis_row[3] == "reported (no target)"


def peer_run(**summary):
    return {
        "meta": {"started": "2026-12-01T06:00:00+00:00", "articles": 1000},
        "summary": summary,
    }


def test_peer_bench_runs_give_the_targets_against_wagtail_and_the_raw_floor(
    results, monkeypatch, tmp_path
):
    folder = tmp_path / "peer"
    folder.mkdir()
    uncached = peer_run(
        home=peer_summary(3500, 60, 180),  # 3.0× Wagtail: just there
        article=peer_summary(3300, 110, 540),  # 4.9×: short of 5×
        tag=peer_summary(3600, 62, 150),  # 2.4×: short of 3×
    )
    cached = peer_run(
        home=peer_summary(3500, 60, 3150),  # 90%: there
        article=peer_summary(3300, 110, 2900),  # 88%: short
        tag=peer_summary(3600, 62, 3300),
    )
    (folder / "uncached.json").write_text(json.dumps(uncached))
    (folder / "cached-locmem.json").write_text(json.dumps(cached))
    (folder / "other.json").write_text(json.dumps(cached))
    monkeypatch.setattr(report, "PEER_BENCH", folder)

    text = report.render(results)

    verdicts = {
        row[0]: (row[1], row[2], row[3])
        for row in target_rows(text, "")
        if "peer-bench `" in row[1]
    }
    run = "peer-bench `uncached.json`, 1,000 stories, 2026-12-01 06:00"
    assert verdicts["Home page, uncached: ≥ 3× Wagtail req/s"] == (
        run,
        "3.00× (180 ÷ 60 req/s)",
        "**PASS**",
    )
    assert verdicts["Story page, uncached: ≥ 5× Wagtail req/s"][2] == "**MISS**"
    assert verdicts["List page, uncached: ≥ 3× Wagtail req/s"][2] == "**MISS**"
    cached_run = "peer-bench `cached-locmem.json`, 1,000 stories, 2026-12-01 06:00"
    assert verdicts["Home page, cached: ≥ 90% of raw floor req/s (peer-bench)"] == (
        cached_run,
        "90% (3,150 ÷ 3,500 req/s)",
        "**PASS**",
    )
    story = verdicts["Story page, cached: ≥ 90% of raw floor req/s (peer-bench)"]
    assert story[2] == "**MISS**"
    # A file named neither way is shown in its own table, with no verdict.
    assert len(verdicts) == 6


def test_memory_mix_is_mostly_hits_with_renders_and_other_stories():
    reader = ["/", "/story/", "/section/", "/tag/", "/author/"]
    stories = [f"/stories/{number}/" for number in range(memory.STORY_POOL)]

    paths = memory.mix(reader, stories, memory.FIRST_REQUESTS)

    assert len(paths) == memory.FIRST_REQUESTS
    cycle = len(reader) * memory.HITS_PER_PAGE + memory.RENDERS_PER_CYCLE
    cycle += memory.STORIES_PER_CYCLE
    cycles = memory.FIRST_REQUESTS // cycle
    rendered = [path for path in paths if memory.BYPASS_PARAMETER in path]
    assert len(rendered) == cycles * memory.RENDERS_PER_CYCLE
    assert {path.split("?")[0] for path in rendered} == set(reader)
    assert sum(path == "/story/" for path in paths) == cycles * memory.HITS_PER_PAGE
    assert len(set(paths) & set(stories)) == min(
        memory.STORY_POOL, cycles * memory.STORIES_PER_CYCLE
    )


def test_worker_memory_is_read_from_proc(tmp_path):
    for pid, parent, rss in ((10, 1, 900), (11, 10, 61_000), (12, 10, 62_500)):
        folder = tmp_path / str(pid)
        folder.mkdir()
        (folder / "stat").write_text(f"{pid} (gunicorn: worker [x]) S {parent} 1 1")
        (folder / "status").write_text(f"Name:\tgunicorn\nVmRSS:\t  {rss} kB\n")
    (tmp_path / "self").mkdir()

    assert memory.children(10, proc=tmp_path) == [11, 12]
    assert memory.vm_rss_kib(12, proc=tmp_path) == 62_500


def test_memory_table_shows_every_checkpoint():
    run = fake_run(1000, rss=(50_000, 60_000, 63_000))
    run["memory"]["checkpoints"] = list(memory.CHECKPOINTS)
    for worker in run["memory"]["workers"]:
        worker["rss_kib_at"] = [60_000 + 1024 * step for step in range(3)] + [63_000]

    text = report.render(make_results([run]))

    header = "| worker | VmRSS MiB at start | " + " | ".join(
        f"after {count:,}" for count in memory.CHECKPOINTS
    )
    assert header in text
    assert "| worker 1 | 48.8 | 58.6 | 59.6 | 60.6 | 61.5 | +5.0% |" in text


def test_quick_mode_skips_an_unreachable_redis_and_says_so(monkeypatch, capsys):
    monkeypatch.setattr(cached, "redis_problem", lambda url: f"no Redis at {url}")
    args = cli.parse_args(["--quick"])

    cli.check_redis(args)

    assert (
        f"SKIPPED the Redis cached column (--quick): no Redis at {cached.REDIS_URL}"
        in (capsys.readouterr().out)
    )
    assert args.redis_url is None
    assert cli.options(args)["cache_backends"] == ["locmem"]
    assert cli.options(args)["redis_skipped"] == f"no Redis at {cached.REDIS_URL}"


def test_a_full_run_stops_on_an_unreachable_redis(monkeypatch):
    monkeypatch.setattr(cached, "redis_problem", lambda url: f"no Redis at {url}")
    args = cli.parse_args([])

    with pytest.raises(SystemExit, match="no Redis at"):
        cli.check_redis(args)


SEARCHES = ("search-rare", "search-topic", "search-common")


def with_search_and_related(run, *, database, search_ms, kept_ranking=True):
    """Return `run` on `database`, with three search pages taking `search_ms` and
    the related block measured."""
    story = next(page for page in run["pages"] if page["page"] == "story")
    for name, median in zip(SEARCHES, search_ms, strict=True):
        run["pages"].append(
            story
            | {
                "page": name,
                "path": f"/search/?q={name}",
                "label": name,
                "median_ms": median,
                "p95_ms": median * 2,
            }
        )
    run["database"] = database
    run["related"] = {
        "story": "synthetic-000501",
        "kept_ranking": kept_ranking,
        "read": {"queries": 2, "samples": 30, "median_ms": 1.25, "p95_ms": 2.5},
        "ranking": {"queries": 1, "samples": 30, "median_ms": 7.75, "p95_ms": 9.5},
    }
    return run


@pytest.mark.parametrize(
    ("median", "outcome"), [(49.9, "**PASS**"), (50.0, "**MISS**")]
)
def test_search_verdict_takes_each_search_median_at_100000_on_postgresql(
    median, outcome
):
    runs = [
        with_search_and_related(
            fake_run(1000), database="postgres", search_ms=[99.0] * 3
        ),
        with_search_and_related(
            fake_run(100_000), database="postgres", search_ms=[10.0, 20.0, median]
        ),
        with_search_and_related(
            fake_run(100_000), database="sqlite", search_ms=[99.0] * 3
        ),
    ]
    text = report.render(make_results(runs))

    rows = target_rows(text, "Search: median under 50 ms at 100,000 stories")
    assert [row[1].split("`")[1] for row in rows] == [
        f"/search/?q={name}" for name in SEARCHES
    ]
    assert all("PostgreSQL, 100,000 stories" in row[1] for row in rows)
    assert [row[3] for row in rows] == ["**PASS**", "**PASS**", outcome]
    assert rows[2][2] == f"{median:.1f} ms (p95 {median * 2:.1f} ms)"


def test_search_verdict_is_not_measured_without_postgresql_at_100000():
    run = with_search_and_related(
        fake_run(1000), database="postgres", search_ms=[1.0, 2.0, 3.0]
    )
    text = report.render(make_results([run]))

    (row,) = target_rows(text, "Search: median under 50 ms")
    assert row[2:] == ["not measured", "not measured"]


@pytest.mark.parametrize(
    ("kept_ranking", "wording"), [(True, "kept ranking"), (False, "never ranked")]
)
def test_related_content_cost_is_reported_per_run_read_and_ranked(
    kept_ranking, wording
):
    run = with_search_and_related(
        fake_run(1000),
        database="sqlite",
        search_ms=[1.0, 2.0, 3.0],
        kept_ranking=kept_ranking,
    )
    text = report.render(make_results([run]))

    (read,) = target_rows(text, "SQLite, 1,000 stories | related block")
    assert read == [
        "SQLite, 1,000 stories",
        f"related block, as the story page reads it ({wording})",
        "2",
        "1.25",
        "2.50",
    ]
    (ranked,) = target_rows(text, "SQLite, 1,000 stories | related stories ranked")
    assert ranked[2:] == ["1", "7.75", "9.50"]
    searches = target_rows(text, "SQLite, 1,000 stories | **search-")
    assert [row[3] for row in searches] == ["1.00", "2.00", "3.00"]


def test_results_from_before_related_content_was_measured_still_render(results):
    text = report.render(results)

    rows = target_rows(text, "SQLite, 1,000 stories | related")
    assert [row[2:] for row in rows] == [["not measured", "—", "—"]] * 2
