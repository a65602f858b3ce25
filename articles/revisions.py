"""A story's revisions, read back as snapshots: listed, compared and made safe to write.

django-reversion keeps each save as a Revision holding the story's row and the
rows it follows (byline, topics, curated links). Here those stored rows become
a snapshot (see `snapshots.py`), so a past version can be compared with another
or written back by the workflow's `restore_revision()` and `recover_deleted()`.
"""

import difflib
import re
from html import unescape

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from reversion.models import Version

from media.models import Image

from .models import (
    Article,
    ArticleAuthor,
    Author,
    RelatedLink,
    Section,
    Tag,
    TaggedArticle,
)
from .snapshots import CONTENT_FIELDS, diff

# Block-level tags end a line when a body is shown as text, so words stay apart.
BLOCK_TAG = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|blockquote|figure|figcaption|pre|br|hr)\b[^>]*>", re.I
)
WORD_OR_SPACE = re.compile(r"\S+|\s+")


# ------------------------------------------------------------ listing


def story_versions(article):
    """Return the story's stored versions, newest first, each with its revision and user.

    One query, however many revisions the story has.
    """
    return (
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .order_by("-pk")
    )


def deleted_stories():
    """Return the last stored version of each deleted story, most recently deleted first."""
    return (
        Version.objects.get_deleted(Article)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def is_version_of(version, article):
    """Return True when `version` is a stored version of `article` itself."""
    return version.content_type_id == _type_id(Article) and version.object_id == str(
        article.pk
    )


def version_date(version):
    """Return when `version` was saved, as editors read dates."""
    return formats.date_format(
        timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
    )


# ------------------------------------------------------------ reading back


def snapshot_from_version(version):
    """Return the story's content as its stored `version` (an Article version) holds it."""
    return _snapshot(version, list(version.revision.version_set.all()))


def snapshot_from_revision(revision, article):
    """Return `article`'s content as `revision` holds it."""
    versions = list(revision.version_set.all())
    story = next((v for v in versions if is_version_of(v, article)), None)
    if story is None:
        raise Version.DoesNotExist(f"The revision does not hold “{article}”.")
    return _snapshot(story, versions)


def _snapshot(story, versions):
    fields = story.field_dict
    rows = _rows_of(versions, fields["id"])
    bylines = sorted(rows[ArticleAuthor], key=lambda row: (row["order"], row["id"]))
    links = sorted(rows[RelatedLink], key=lambda row: (row["order"], row["id"]))
    # Topics keep the order they were typed in, which is the order of their rows.
    tagged = sorted(rows[TaggedArticle], key=lambda row: row["id"])
    names = Tag.objects.in_bulk([row["tag_id"] for row in tagged])
    return {
        **{field: fields[field] for field in CONTENT_FIELDS},
        "tags": [names[row["tag_id"]].name for row in tagged if row["tag_id"] in names],
        "bylines": [row["author_id"] for row in bylines],
        "related": [
            {
                "target": row["target_id"],
                "url": row["url"],
                "title": row["title"],
                "order": row["order"],
            }
            for row in links
        ],
    }


def _rows_of(versions, article_id):
    """Return {model: [stored row]} for the byline, topic and link rows of the story."""
    owners = {
        ArticleAuthor: "article_id",
        RelatedLink: "article_id",
        TaggedArticle: "content_object_id",
    }
    by_type = {_type_id(model): model for model in owners}
    rows = {model: [] for model in owners}
    for version in versions:
        model = by_type.get(version.content_type_id)
        if model is not None and version.field_dict[owners[model]] == article_id:
            rows[model].append(version.field_dict)
    return rows


def _type_id(model):
    return ContentType.objects.get_for_model(model).pk


def workflow_fields(version):
    """Return the stored story's publishing record: times, owner, takedown reason."""
    fields = version.field_dict
    owner = fields["created_by_id"]
    if owner and not get_user_model().objects.filter(pk=owner).exists():
        owner = None
    return {
        "status": fields["status"],
        "publish_at": fields["publish_at"],
        "expires_at": fields["expires_at"],
        "first_published_at": fields["first_published_at"],
        "revised_at": fields["revised_at"],
        "takedown_reason": fields["takedown_reason"],
        "created_by_id": owner,
    }


# ------------------------------------------------------------ writing back safely


def restorable(snapshot, article=None):
    """Return `snapshot` trimmed to what can be written today, and notes on what was left.

    A past version may name an author, image, section or linked story deleted
    since, or an address another story has taken. `article` is the story being
    restored (None for a deleted story being recovered).
    """
    snapshot = {**snapshot}
    notes = []
    if not Section.objects.filter(pk=snapshot["section_id"]).exists():
        fallback = article.section if article else Section.objects.first()
        if fallback is None:
            raise Section.DoesNotExist("Create a section first: the story needs one.")
        snapshot["section_id"] = fallback.pk
        notes.append(f"its section no longer exists, so it is in “{fallback}”")
    image = snapshot["hero_image_id"]
    if image and not Image.objects.filter(pk=image).exists():
        snapshot["hero_image_id"] = None
        notes.append("its hero image was deleted from the library")
    authors = set(
        Author.objects.filter(pk__in=snapshot["bylines"]).values_list("pk", flat=True)
    )
    if len(authors) < len(set(snapshot["bylines"])):
        notes.append("an author in its byline was deleted")
    snapshot["bylines"] = list(
        dict.fromkeys(pk for pk in snapshot["bylines"] if pk in authors)
    )
    targets = set(
        Article.objects.filter(
            pk__in=[row["target"] for row in snapshot["related"] if row["target"]]
        ).values_list("pk", flat=True)
    )
    own_pk = article.pk if article else None
    kept = [
        row
        for row in snapshot["related"]
        if (row["target"] in targets and row["target"] != own_pk)
        or (not row["target"] and row["url"])
    ]
    if len(kept) < len(snapshot["related"]):
        notes.append("a story it linked to was deleted")
    snapshot["related"] = kept
    slug = snapshot["slug"]
    if Article.objects.filter(slug=slug).exclude(pk=own_pk).exists():
        snapshot["slug"] = article.slug if article else free_slug(f"{slug}-recovered")
        notes.append(
            f"another story now uses its address “{slug}”, so its address is "
            f"“{snapshot['slug']}”"
        )
    return snapshot, notes


def free_slug(slug):
    """Return `slug`, or `slug-2`, `slug-3`…: the first no story uses."""
    candidate, n = slug, 1
    while Article.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


# ------------------------------------------------------------ comparing


def compare(before, after):
    """Return the rows of a before/after table of two snapshots, for editors.

    Each row is (label, before, after, body_diff): the body is shown as one
    word-level diff instead of two long texts.
    """
    body = CONTENT_FIELDS["body"]
    return [
        (
            change.label,
            change.before,
            change.after,
            word_diff(body_text(before["body"]), body_text(after["body"]))
            if change.label == body
            else None,
        )
        for change in diff(before, after)
    ]


def body_text(html):
    """Return the words of a body, one line per paragraph, without markup."""
    return unescape(strip_tags(BLOCK_TAG.sub("\n", html or ""))).strip()


def word_diff(before, after):
    """Return `after` as HTML, with words removed since `before` in <del> and new ones in <ins>."""
    old, new = WORD_OR_SPACE.findall(before), WORD_OR_SPACE.findall(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(conditional_escape("".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", "".join(old[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", "".join(new[j1:j2])))
    # Every part was escaped above.
    return mark_safe("".join(parts))
