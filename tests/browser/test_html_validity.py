"""Every reader page is valid HTML according to the Nu Html Checker (vnu.jar)."""

import json
import subprocess

from articles.models import Article

from .support import READER_PAGES


def test_reader_pages_are_valid_html(page, tmp_path, vnu_command, demo_newsroom):
    pages = {**READER_PAGES, "not found": "/stories/no-such-story/"}
    # Page two of the home page uses the plain list rather than the front layout.
    assert Article.objects.published().count() > 12
    pages["home, page 2"] = "/?page=2"
    files = {}
    for number, (name, url) in enumerate(pages.items()):
        response = page.request.get(url)
        assert response.status == (404 if name == "not found" else 200), url
        assert response.headers["content-type"].startswith("text/html")
        path = tmp_path / f"{number:02d}-{name.replace(' ', '-')}.html"
        path.write_bytes(response.body())
        files[str(path)] = url

    # One Java start for all pages: the checker takes a few seconds to start.
    result = subprocess.run(
        [*vnu_command, "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout, f"the Nu Html Checker did not run: {result.stderr}"
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}"
        f" line {m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()}"
        for m in json.loads(result.stdout)["messages"]
        if m["type"] != "info"  # "info" holds warnings; errors are "error" types.
    ]
    assert not errors, "The Nu Html Checker found errors:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stderr
