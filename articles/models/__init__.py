"""The articles app's models: the content itself, and the newsroom's records around it."""

from .content import (
    FALLBACK_TAG_SLUG,
    Article,
    ArticleAuthor,
    Author,
    RelatedLink,
    Section,
    Tag,
    TaggedArticle,
)
from .workflow import (
    AuditEntry,
    Correction,
    InternalNote,
    PendingChange,
    PreviewLink,
    hash_token,
)

__all__ = [
    "FALLBACK_TAG_SLUG",
    "Article",
    "ArticleAuthor",
    "AuditEntry",
    "Author",
    "Correction",
    "InternalNote",
    "PendingChange",
    "PreviewLink",
    "RelatedLink",
    "Section",
    "Tag",
    "TaggedArticle",
    "hash_token",
]
