"""SQLite's full-text index: an FTS5 table with one row per story.

PostgreSQL keeps the search document on the story itself
(`Article.search_vector`); on SQLite the migration makes this FTS5 table
instead (so Django knows the table, and tests empty it with the others). On
PostgreSQL the table does not exist and this model is never queried; only
`articles.search` reads or writes it.
"""

from django.db import models
from django.db.models import Lookup

from .content import Article

SEARCH_TABLE = "articles_search"


class FullTextDocument(models.TextField):
    """FTS5's hidden column named after the table: the whole row, for MATCH and ranking."""


@FullTextDocument.register_lookup
class Match(Lookup):
    """`document__match=query`: SQL's `<table> MATCH <query>`, the FTS5 full-text test."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class SearchDocument(models.Model):
    """One story's text as SQLite searches it; column order matters to `bm25()`."""

    article = models.OneToOneField(
        Article,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        # A deleted story's row is removed by `search.index_stories()`.
        on_delete=models.DO_NOTHING,
        related_name="search_document",
    )
    title = models.TextField()
    standfirst = models.TextField()
    body = models.TextField()
    tags = models.TextField()
    authors = models.TextField()
    document = FullTextDocument(db_column=SEARCH_TABLE)

    class Meta:
        db_table = SEARCH_TABLE

    def __str__(self):
        return self.title
