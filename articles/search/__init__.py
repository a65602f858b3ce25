"""Site search: one interface over PostgreSQL's weighted tsvector and SQLite's FTS5.

Readers' queries go through `terms.parse()` first, so neither database sees
raw input. Every search starts from `Article.objects.published()`: the index
holds every story, and visibility is decided when the query runs, so a story
that is unpublished, expires or is taken down stops being found at that
moment, with nothing to update. The index is written by `index_stories()`,
called wherever a story's text, topics or byline are saved (the admin, the
workflow's snapshots, the topic and author admins, `seed_demo`), never from a
signal.
"""

from django.db import connection
from django.db.models import Exists, OuterRef

from ..models import Article, TaggedArticle
from . import postgres, sqlite
from .snippets import best_snippet
from .terms import SearchTerms, parse

__all__ = [
    "SearchTerms",
    "index_stories",
    "parse",
    "rebuild_index",
    "search",
    "snippets",
]

REBUILD_BATCH = 2000
# Ranking scores each match; past this many, only the newest are ranked. At
# 100,000 stories on PostgreSQL, ranking every story two common words match
# took 370 ms; ranking the newest 1,000 of them, 14 ms (docs/benchmarks.md).
RANKED_MATCHES = 500


def _backend():
    return postgres if connection.vendor == "postgresql" else sqlite


def index_stories(stories):
    """Rebuild the search document of `stories` (stories or primary keys).

    Call it after a story's text, topics or byline change. A story that no
    longer exists leaves the index.
    """
    ids = [getattr(story, "pk", story) for story in stories]
    if ids:
        _backend().index(ids)


def rebuild_index(*, progress=None):
    """Rebuild every story's search document, in batches; return how many."""
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), REBUILD_BATCH):
        batch = ids[start : start + REBUILD_BATCH]
        _backend().index(batch)
        if progress:
            progress(len(batch))
    return len(ids)


def search(terms: SearchTerms, *, section_slug=None, tag=None):
    """Return the public stories matching `terms`, best first, ties newest first.

    `section_slug` and `tag` narrow the search to one section or topic. Only
    the newest `RANKED_MATCHES` matches are ranked (and listed): a query most
    stories match would otherwise score every one of them, on every request.
    """
    stories = Article.objects.published()
    if not terms:
        return stories.none()
    if section_slug:
        stories = stories.filter(section__slug=section_slug)
    if tag is not None:
        stories = stories.filter(
            Exists(TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag=tag))
        )
    backend = _backend()
    newest = backend.filtered(stories, terms).newest_first().values("pk")
    return backend.matching_terms(
        Article.objects.filter(pk__in=newest[:RANKED_MATCHES]), terms
    ).order_by("-search_rank", "-publish_at", "-pk")


def snippets(stories, terms: SearchTerms):
    """Return {pk: highlighted snippet} for `stories` (one query, none if empty).

    A snippet is cut from the body where the query matched, else from the
    standfirst; a story matched only by its headline, topics or byline gets "".
    """
    ids = [story.pk for story in stories]
    if not ids or not terms:
        return {}
    fragments = _backend().fragments(ids, terms)
    return {pk: best_snippet(*fragments.get(pk, ("", ""))) for pk in ids}
