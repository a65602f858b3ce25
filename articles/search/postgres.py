"""PostgreSQL search: a weighted tsvector stored on each story, GIN-indexed.

The document is built by the database itself in one UPDATE, for one story or
the whole archive, so the index never depends on Python's copy of the text.
"""

from functools import reduce
from operator import and_

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db.models import F, Func, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce

from ..models import Article, ArticleAuthor, TaggedArticle
from .snippets import MARK_END, MARK_START, SNIPPET_WORDS

CONFIG = "english"


def _names(model, link, name):
    """Return a subquery of the outer story's related names, space-separated."""
    return Coalesce(
        Subquery(
            model.objects.filter(**{link: OuterRef("pk")})
            .order_by()
            .values(link)
            .annotate(names=StringAgg(name, " ", output_field=TextField()))
            .values("names"),
            output_field=TextField(),
        ),
        Value(""),
        output_field=TextField(),
    )


def document():
    """The weighted search document: headline A, standfirst and topics B,
    bylines C, body D (its HTML tags are not words to PostgreSQL's parser)."""
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("standfirst", weight="B", config=CONFIG)
        + SearchVector(
            _names(TaggedArticle, "content_object", "tag__name"),
            weight="B",
            config=CONFIG,
        )
        + SearchVector(
            _names(ArticleAuthor, "article", "author__name"), weight="C", config=CONFIG
        )
        + SearchVector("body", weight="D", config=CONFIG)
    )


def index(ids):
    """Rebuild the search document of the stories with these primary keys."""
    Article.objects.filter(pk__in=ids).update(search_vector=document())


def _phrase(words):
    return SearchQuery(" ".join(words), search_type="phrase", config=CONFIG)


def required(terms):
    """Return the tsquery of the phrases `terms` requires: what ranks a match."""
    return reduce(and_, map(_phrase, terms.required))


def query(terms):
    """Return the tsquery for `terms`: every required phrase, no excluded one."""
    found = required(terms)
    for phrase in terms.excluded:
        found &= ~_phrase(phrase)
    return found


def matching(queryset, tsquery, *, ranked_by=None):
    """Filter `queryset` to stories matching `tsquery`, annotated with `search_rank`.

    `ranked_by` is the query to rank with, when it differs: ts_rank() scores
    a negated term oddly, so exclusions filter but do not rank.
    """
    return queryset.filter(search_vector=tsquery).annotate(
        search_rank=SearchRank(F("search_vector"), ranked_by or tsquery)
    )


def matching_terms(queryset, terms):
    return matching(queryset, query(terms), ranked_by=required(terms))


def filtered(queryset, terms):
    """Filter `queryset` to stories matching `terms`, unranked."""
    return queryset.filter(search_vector=query(terms))


def _headline(expression, tsquery):
    return SearchHeadline(
        expression,
        tsquery,
        config=CONFIG,
        start_sel=MARK_START,
        stop_sel=MARK_END,
        max_words=SNIPPET_WORDS,
        min_words=SNIPPET_WORDS // 2,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def fragments(ids, terms):
    """Return {pk: (standfirst fragment, body fragment)} for these stories."""
    tsquery = query(terms)
    # Tags out, so the headline is cut from the words readers see.
    body_text = Func(
        F("body"), Value("<[^>]*>"), Value(" "), Value("g"), function="regexp_replace"
    )
    rows = (
        Article.objects.filter(pk__in=ids)
        .annotate(
            standfirst_fragment=_headline("standfirst", tsquery),
            body_fragment=_headline(body_text, tsquery),
        )
        .values_list("pk", "standfirst_fragment", "body_fragment")
    )
    return {pk: (standfirst, body) for pk, standfirst, body in rows}
