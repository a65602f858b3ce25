"""The articles app's models: the content itself, and the newsroom's records around it."""

from .addresses import FormerSlug
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
from .front import HOME_SLOTS, SECTION_SLOTS, FrontPage, FrontPageSlot
from .search import SearchDocument
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
    "FrontPage",
    "FrontPageSlot",
    "HOME_SLOTS",
    "FormerSlug",
    "InternalNote",
    "PendingChange",
    "PreviewLink",
    "RelatedLink",
    "SECTION_SLOTS",
    "SearchDocument",
    "Section",
    "Tag",
    "TaggedArticle",
    "hash_token",
]
