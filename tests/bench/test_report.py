"""The benchmark report quotes the code's constants, not copies typed into prose."""

import pytest

from articles.related import RELATED_CANDIDATE_WINDOW
from bench import cli, measure, report, serve
from bench.floor import RELATED_NUMBERS, STORY_NUMBER

PAGES = ("floor", "home", "story", "section", "tag", "author")


def fake_run(size):
    """Return one database and size of a run, with made-up figures."""
    pages = [
        {
            "page": name,
            "path": f"/{name}/",
            "label": name,
            "queries": 0 if name == "floor" else 4,
            "bytes": 9216,
            "median_ms": 5.0 * (index + 1),
            "p95_ms": 8.0 * (index + 1),
            "load_average": [1.0, 1.5],
            "wrk": {"rps": 300.0 / (index + 1), "socket_errors": 0}
            | {"slices_rps": [300.0 / (index + 1)]},
        }
        for index, name in enumerate(PAGES)
    ]
    return {
        "database": "sqlite",
        "size": size,
        "build_seconds": 4.0,
        "settings": {"CONN_MAX_AGE": 60},
        "pages": pages,
    }


@pytest.fixture
def results():
    args = cli.parse_args(["--databases", "sqlite", "--sizes", "1000", "100000"])
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
            "gunicorn": "27.0",
            "psycopg": "3.3",
            "wrk": "wrk 4.1.0",
        },
        "runs": [fake_run(1000), fake_run(100_000)],
    }


def test_report_quotes_the_constants_as_the_code_has_them(results):
    text = " ".join(report.render(results).split())

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


def test_every_placeholder_is_filled_and_the_comment_left_out(results):
    text = report.render(results)

    assert not report.PLACEHOLDER.search(text)
    assert "<!--" not in text
    assert "{RELATED_CANDIDATE_WINDOW}" in report.ANALYSIS.read_text()


def test_an_unknown_placeholder_fails_the_report():
    with pytest.raises(KeyError, match="NO_SUCH_CONSTANT"):
        report.fill("a {NO_SUCH_CONSTANT} b", {"STORY_NUMBER": STORY_NUMBER})


def test_search_section_reports_searches_related_calls_and_the_postgresql_goal(
    results,
):
    large = results["runs"][1]
    large["database"] = "postgres"
    search_page = {**large["pages"][1], "page": "search-common"}
    search_page |= {"path": "/search/?q=officials", "label": "search: common"}
    search_page |= {"median_ms": 62.0, "p95_ms": 80.0}
    large["pages"].append(search_page)
    large["related"] = [
        {"name": "related, by topics", "queries": 3, "median_ms": 4.0, "p95_ms": 6.5}
    ]

    text = report.render(results)

    assert "## Search and related content" in text
    assert (
        "| PostgreSQL, 100,000 stories | `/search/?q=officials`<br>search: common "
        "| 4 | 62.00 | 80.00 | **MISS** |"
    ) in text
    assert (
        "| PostgreSQL, 100,000 stories | related, by topics | 3 | 4.00 | 6.50 | — |"
    ) in text
    assert f"Goal: search under {report.SEARCH_TARGET_MS} ms median" in text
