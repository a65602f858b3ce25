"""Highlighted snippets: the database marks the matches, we make them safe HTML."""

import html
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Private-use characters: they never occur in a story, and HTML escaping leaves
# them alone, so the marks survive until they become <mark> elements.
MARK_START, MARK_END = "\ue000", "\ue001"
MARKED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}")
SNIPPET_WORDS = 30


def highlight(fragment):
    """Return `fragment` as safe HTML with its matches in <mark>, or "" if none matched.

    The fragment may hold entities from the stored HTML (`&amp;`); they are read
    as text, then everything is escaped, so nothing in a story becomes markup.
    """
    if not fragment or MARK_START not in fragment:
        return ""
    text = " ".join(html.unescape(fragment).split())
    marked = MARKED.sub(r"<mark>\1</mark>", escape(text))
    return mark_safe(marked.replace(MARK_START, "").replace(MARK_END, ""))


def best_snippet(standfirst, body):
    """Prefer the body's matches, then the standfirst's; "" when neither matched."""
    return highlight(body) or highlight(standfirst)
