"""The one allow-list for story HTML, shared by the editor and every save.

`BODY_EXTENSIONS` says what the body editor offers; django-prose-editor turns
the same extensions into the tags, attributes and URL schemes nh3 keeps, so the
toolbar and the sanitiser can never disagree.
"""

import re

import nh3
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}

BODY_ALLOWLIST = allowlist_from_extensions(expand_extensions(BODY_EXTENSIONS))

_cleaner = nh3.Cleaner(
    tags=BODY_ALLOWLIST["tags"],
    # nh3 sets rel itself (below), and refuses to run when rel is also allowed.
    attributes={
        tag: names - {"rel"} for tag, names in BODY_ALLOWLIST["attributes"].items()
    },
    url_schemes=BODY_ALLOWLIST["url_schemes"],
    # Links in stories point away from us: never pass our referrer or opener.
    link_rel="noopener noreferrer nofollow",
    # Drop the contents of these outright rather than keeping them as text.
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
    strip_comments=True,
)


# The editor always holds one block, so an emptied body arrives as "<p></p>".
_EMPTY_BLOCK = re.compile(r"<(\w+)></\1>")


def sanitise_html(html: str) -> str:
    """Return `html` reduced to the tags, attributes and URL schemes we allow."""
    cleaned = _cleaner.clean(html or "").strip()
    return "" if _EMPTY_BLOCK.fullmatch(cleaned) else cleaned
