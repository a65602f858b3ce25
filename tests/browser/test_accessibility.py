"""axe-core on every reader page and the admin story form; the site by keyboard alone."""

import re

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from .support import READER_PAGES

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    """Run axe-core on the page; return serious and critical violations as text."""
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    lines = []
    for violation in results.response["violations"]:
        if violation["impact"] not in BLOCKING_IMPACTS:
            continue
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:160]}")
            lines.append(f"       {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


def test_reader_pages_have_no_serious_axe_violations(page, demo_newsroom):
    found = {}
    for name, url in READER_PAGES.items():
        response = page.goto(url)
        assert response.status == 200, url
        report = blocking_violations(page)
        if report:
            found[name] = f"{url}\n{report}"
    assert not found, "axe-core found serious or critical problems:\n\n" + "\n\n".join(
        found.values()
    )


def test_admin_story_form_has_no_serious_axe_violations(page, transactional_db):
    get_user_model().objects.create_superuser("editor", "e@example.com", "pw-1234-x")
    page.goto("/admin/login/?next=/admin/articles/article/add/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw-1234-x")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".field-body [contenteditable=true]")).to_be_visible()
    # Let the scripts that build and label the widgets finish before axe looks.
    page.wait_for_load_state("networkidle")
    page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done)))")
    report = blocking_violations(page)
    assert not report, f"axe-core on the admin story form:\n{report}"


FOCUS_STATE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        key: el.dataset.focusKey || null,
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== 'none',
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
            && style.visibility !== 'hidden',
    };
}"""

# Every link, button and field in the tab order, tagged so the Tab walk can tick
# them off. Links taken out of it on purpose (tabindex="-1", like the lead
# picture's duplicate of the headline link) are not counted.
TAG_INTERACTIVE = """() => {
    const all = [...document.querySelectorAll('a[href], button, input, select, textarea')]
        .filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest('[hidden]'));
    all.forEach((el, i) => { el.dataset.focusKey = String(i); });
    return all.map(el => `${el.tagName.toLowerCase()} "${(el.innerText || '').trim()}"`);
}"""


def tab_through(page):
    """Press Tab until focus leaves the page; return what was missed and ring-less."""
    interactive = page.evaluate(TAG_INTERACTIVE)
    reached, without_ring = set(), []
    for _ in range(len(interactive) + 5):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["tag"] == "body" or state["key"] in reached:
            break  # Past the last element, focus leaves the page.
        assert state["key"] is not None, f"focus on an untagged element: {state}"
        reached.add(state["key"])
        if not (state["visible"] and (state["outline"] or state["shadow"])):
            without_ring.append(state)
    missed = [name for key, name in enumerate(interactive) if str(key) not in reached]
    return missed, without_ring


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, demo_newsroom):
    page.goto(READER_PAGES["story"])
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.bounding_box()["y"] + skip_link.bounding_box()["height"] <= 0

    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STATE)
    assert first["text"] == "Skip to main content", first
    assert first["visible"] and first["outline"], f"skip link not visible: {first}"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main$"))
    # The next Tab continues inside main, past the header's links.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "document.activeElement === document.querySelector('main a[href]')"
    ), page.evaluate(FOCUS_STATE)


def test_every_link_and_button_is_reached_by_tab_with_a_focus_ring(page, demo_newsroom):
    problems = {}
    for name, url in READER_PAGES.items():
        page.goto(url)
        if name == "story":
            expect(page.get_by_role("button", name="Copy link")).to_be_visible()
        missed, without_ring = tab_through(page)
        if missed or without_ring:
            problems[url] = {"missed": missed, "without focus ring": without_ring}
    assert not problems, problems
