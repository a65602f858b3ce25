"""SQLite search: an FTS5 table (`SearchDocument`) with one row per story.

The same weights as PostgreSQL's document (headline highest, then standfirst
and topics, bylines, body) given to `bm25()` column by column, and the same
Porter stemming, so both databases find and order the same stories.
"""

from collections import defaultdict

from django.db import connection
from django.db.models import F, FloatField, Func, TextField, Value

from ..models import Article, ArticleAuthor, SearchDocument, TaggedArticle
from ..models.search import SEARCH_TABLE
from ..text import plain_text
from .snippets import MARK_END, MARK_START, SNIPPET_WORDS

COLUMNS = ("title", "standfirst", "body", "tags", "authors")
# bm25() weights, in COLUMNS order: PostgreSQL's A, B, D, B, C weights × 10.
WEIGHTS = (10.0, 4.0, 1.0, 4.0, 2.0)
BATCH = 1000


def _names(model, link, name, ids):
    names = defaultdict(list)
    rows = (
        model.objects.filter(**{f"{link}__in": ids})
        .order_by("pk")
        .values_list(link, name)
    )
    for pk, value in rows:
        names[pk].append(value)
    return {pk: " ".join(values) for pk, values in names.items()}


def index(ids):
    """Rebuild the FTS5 rows of these stories; a deleted story's row goes."""
    ids = list(ids)
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        tags = _names(TaggedArticle, "content_object", "tag__name", batch)
        authors = _names(ArticleAuthor, "article", "author__name", batch)
        rows = [
            (
                pk,
                title,
                standfirst,
                plain_text(body),
                tags.get(pk, ""),
                authors.get(pk, ""),
            )
            for pk, title, standfirst, body in Article.objects.filter(
                pk__in=batch
            ).values_list("pk", "title", "standfirst", "body")
        ]
        marks = ", ".join(["%s"] * len(batch))
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN ({marks})", batch
            )
            cursor.executemany(
                f"INSERT INTO {SEARCH_TABLE} (rowid, {', '.join(COLUMNS)}) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                rows,
            )


def _quoted(words):
    # Only letters and digits reach here (terms.WORD), so no quote to escape.
    return '"' + " ".join(words) + '"'


def query(terms):
    """Return the FTS5 MATCH expression for `terms`."""
    found = " AND ".join(map(_quoted, terms.required))
    if terms.excluded:
        found = f"({found}) NOT ({' OR '.join(map(_quoted, terms.excluded))})"
    return found


def _bm25(document):
    return Func(
        F(document), *map(Value, WEIGHTS), function="bm25", output_field=FloatField()
    )


def matching(queryset, match):
    # bm25() is lower for better matches; negated, higher is better, as on PostgreSQL.
    return queryset.filter(search_document__document__match=match).annotate(
        search_rank=-_bm25("search_document__document")
    )


def matching_terms(queryset, terms):
    return matching(queryset, query(terms))


def filtered(queryset, terms):
    """Filter `queryset` to stories matching `terms`, unranked."""
    return queryset.filter(search_document__document__match=query(terms))


def _snippet(column):
    return Func(
        F("document"),
        Value(COLUMNS.index(column)),
        Value(MARK_START),
        Value(MARK_END),
        Value("…"),
        Value(SNIPPET_WORDS),
        function="snippet",
        output_field=TextField(),
    )


def fragments(ids, terms):
    """Return {pk: (standfirst fragment, body fragment)} for these stories."""
    rows = (
        SearchDocument.objects.filter(document__match=query(terms), pk__in=ids)
        .annotate(
            standfirst_fragment=_snippet("standfirst"),
            body_fragment=_snippet("body"),
        )
        .values_list("pk", "standfirst_fragment", "body_fragment")
    )
    return {pk: (standfirst, body) for pk, standfirst, body in rows}
