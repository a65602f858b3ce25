"""Small text helpers for teasers and summaries."""

from django.utils.html import strip_tags

ELLIPSIS = "\u2026"


def teaser(text: str, limit: int = 140) -> str:
    """Cut `text` to at most `limit` characters at a word boundary, ending in "…"."""
    text = " ".join(strip_tags(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:limit]
    return cut.rstrip(" ,;:.-\u2013\u2014") + ELLIPSIS
