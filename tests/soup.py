"""Rendered pages as BeautifulSoup trees, for asserting by element, not by substring."""

from bs4 import BeautifulSoup


def parse(html):
    """Parse an HTML string or a response's body."""
    if hasattr(html, "content"):
        html = html.content.decode()
    return BeautifulSoup(html, "html.parser")


def one(tree, selector):
    """Return the one element matching the CSS `selector`; fail on none or several."""
    found = tree.select(selector)
    assert len(found) == 1, f"expected one {selector!r}, found {len(found)}"
    return found[0]


def text(element):
    """Return the text a reader sees in `element`, whitespace collapsed."""
    return " ".join(element.get_text(" ").split())


def form_values(form):
    """Return what a browser would submit for `form` as it stands (no buttons)."""
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "input":
            kind = field.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                continue
            if kind in {"checkbox", "radio"}:
                if field.has_attr("checked"):
                    data.setdefault(name, []).append(field.get("value", "on"))
                continue
            data.setdefault(name, []).append(field.get("value", ""))
        elif field.name == "textarea":
            # Browsers drop the newline that opens a textarea's content.
            data.setdefault(name, []).append(field.get_text().removeprefix("\n"))
        else:
            data.setdefault(name, []).extend(
                option.get("value", text(option))
                for option in field.select("option")
                if option.has_attr("selected")
            )
    return data
