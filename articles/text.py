"""Small text helpers: teasers, summaries and slugs."""

import re
from html import unescape

from anyascii import anyascii
from django.utils.html import strip_tags
from django.utils.text import slugify

ELLIPSIS = "\u2026"
TAG = re.compile(r"<[^>]*>")


def teaser(text: str, limit: int = 140) -> str:
    """Cut `text` to at most `limit` characters at a word boundary, ending in "…"."""
    if "<" in (text or ""):
        text = strip_tags(text)
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:limit]
    return cut.rstrip(" ,;:.-\u2013\u2014") + ELLIPSIS


def ascii_slug(text: str, *, fallback: str, max_length: int = 90) -> str:
    """Return an ASCII slug for `text` ("Côte d'Ivoire" → "cote-divoire", "中文" → "zhongwen").

    Text with no letters or digits at all gives `fallback`, never an empty slug.
    """
    return slugify(anyascii(text))[:max_length].strip("-") or fallback


def plain_text(html: str) -> str:
    """Return the words of sanitised HTML as text: tags become spaces, entities characters."""
    return " ".join(unescape(TAG.sub(" ", html or "")).split())
