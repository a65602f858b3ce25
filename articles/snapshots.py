"""A story's editable content as plain data: for pending changes, revisions and diffs.

A snapshot holds what an editor writes (the story's own fields, its topics in
order, its byline and its curated links), never its workflow state (status,
times, lock version). Pending changes are stored as one; a revision is read
back as one; a diff compares two.
"""

from dataclasses import dataclass

import reversion
from django.db import transaction
from django.utils.html import strip_tags

from media.models import Image

from .models import Article, ArticleAuthor, Author, RelatedLink, Section, Tag
from .redirects import remember_old_slug
from .search import index_stories

CONTENT_FIELDS = {
    "title": "Headline",
    "slug": "Address",
    "standfirst": "Standfirst",
    "seo_title": "Headline for search and sharing",
    "seo_description": "Summary for search and sharing",
    "body": "Body",
    "section_id": "Section",
    "hero_image_id": "Hero image",
}
LIST_LABELS = {"tags": "Topics", "bylines": "Byline", "related": "Related content"}


def take_snapshot(article):
    """Return `article`'s content as stored in the database now."""
    return {
        **{field: getattr(article, field) for field in CONTENT_FIELDS},
        "tags": [tag.name for tag in tags_in_order(article)],
        "bylines": list(
            ArticleAuthor.objects.filter(article=article)
            .order_by("order", "pk")
            .values_list("author_id", flat=True)
        ),
        "related": [
            link_data(link)
            for link in RelatedLink.objects.filter(article=article).order_by(
                "order", "pk"
            )
        ],
    }


def tags_in_order(article):
    """Return the story's topics in the order the editor typed them."""
    return [
        item.tag for item in article.tagged_items.select_related("tag").order_by("pk")
    ]


def link_data(link):
    data = {
        "target": link.target_id,
        "url": link.url,
        "title": link.title,
        "order": link.order,
    }
    if link.target_is_gone:
        # Kept, flagged, so the editor still sees which story went.
        data["target_title"] = link.target_title
    return data


def snapshot_from_form(form, formsets):
    """Return the content an admin form and its inline formsets were saved with."""
    data = form.cleaned_data
    snapshot = {
        "title": data["title"],
        "slug": data["slug"],
        "standfirst": data["standfirst"],
        "seo_title": data.get("seo_title", ""),
        "seo_description": data.get("seo_description", ""),
        "body": data["body"],
        "section_id": data["section"].pk,
        "hero_image_id": _pk(data.get("hero_image")),
        "tags": list(data.get("tags") or []),
        "bylines": [],
        "related": [],
    }
    for formset in formsets:
        rows = sorted(_kept_rows(formset), key=lambda row: row.get("order") or 0)
        if formset.model is ArticleAuthor:
            snapshot["bylines"] = [
                _pk(row["author"]) for row in rows if row.get("author")
            ]
        elif formset.model is RelatedLink:
            snapshot["related"] = [
                {
                    "target": _pk(row.get("target")),
                    "url": row.get("url") or "",
                    "title": row.get("title") or "",
                    "order": row.get("order") or 0,
                }
                for row in rows
                if row.get("target") or row.get("url")
            ]
    return snapshot


def _kept_rows(formset):
    """Yield each row's values; an untouched row keeps the values it started with."""
    deleted = set(formset.deleted_forms) if formset.can_delete else set()
    for row_form in formset.forms:
        if row_form in deleted:
            continue
        values = row_form.cleaned_data if row_form.has_changed() else row_form.initial
        if values:
            yield values


def _pk(value):
    return getattr(value, "pk", value) or None


def apply_fields(article, snapshot):
    """Set the story's own fields from `snapshot`, in memory.

    A snapshot saved before a field existed (an old pending change) leaves
    that field as it is.
    """
    for field in CONTENT_FIELDS:
        if field in snapshot:
            setattr(article, field, snapshot[field])


@transaction.atomic
def write_snapshot(article, snapshot):
    """Make `snapshot` the story's stored content: fields, topics, byline, links."""
    old_slug = article.slug
    apply_fields(article, snapshot)
    article.save()
    remember_old_slug(article, old_slug)
    article.set_topics(snapshot["tags"])
    ArticleAuthor.objects.filter(article=article).delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author_id=author_id, order=order)
        for order, author_id in enumerate(snapshot["bylines"])
    )
    RelatedLink.objects.filter(article=article).delete()
    for row in snapshot["related"]:
        RelatedLink(article=article, **_link_fields(row)).save()
    add_to_revision(article)
    index_stories([article])


def add_to_revision(article):
    """Put the story as written now, with its topics and byline, in the revision being made.

    reversion stores a row when it is saved, following the story's byline, topics
    and links as they stood at that moment; topics and bylines are then written
    in bulk, which sends no signal, so the story is added again at the end.
    """
    if reversion.is_active():
        reversion.add_to_revision(article)


def _link_fields(row):
    return {
        "target_id": row["target"],
        "url": row["url"],
        "title": row["title"],
        "order": row["order"],
        "target_title": row.get("target_title", ""),
    }


@dataclass(frozen=True)
class Rendering:
    """What the story template needs to show a snapshot exactly as readers would."""

    article: Article
    byline: list
    tags: list


def render_snapshot(article, snapshot):
    """Return an unsaved copy of `article` showing `snapshot`, for previews."""
    copy = Article.objects.select_related("section", "hero_image").get(pk=article.pk)
    apply_fields(copy, snapshot)
    copy.section = Section.objects.get(pk=snapshot["section_id"])
    copy.hero_image = (
        Image.objects.filter(pk=snapshot["hero_image_id"]).first()
        if snapshot["hero_image_id"]
        else None
    )
    authors = Author.objects.in_bulk(snapshot["bylines"])
    tags = {
        tag.name.lower(): tag for tag in Tag.objects.filter(name__in=snapshot["tags"])
    }
    return Rendering(
        article=copy,
        byline=[authors[pk] for pk in snapshot["bylines"] if pk in authors],
        tags=[
            tags.get(name.lower()) or Tag(name=name, slug=Tag().slugify(name))
            for name in snapshot["tags"]
        ],
    )


def describe(field, value):
    """Return `value` of snapshot `field` as an editor would read it."""
    if field == "section_id":
        return str(Section.objects.filter(pk=value).first() or "—")
    if field == "hero_image_id":
        return str(Image.objects.filter(pk=value).first() or "—") if value else "—"
    if field == "body":
        return strip_tags(value or "")
    if field == "tags":
        return ", ".join(value) or "—"
    if field == "bylines":
        names = Author.objects.in_bulk(value)
        return ", ".join(str(names.get(pk, "a deleted author")) for pk in value) or "—"
    if field == "related":
        return "; ".join(_describe_link(row) for row in value) or "—"
    return value or "—"


def _describe_link(row):
    if row["target"]:
        target = Article.objects.filter(pk=row["target"]).first()
        return f"story: {target or 'a deleted story'}"
    return f"{row['title']} <{row['url']}>"


@dataclass(frozen=True)
class Difference:
    label: str
    before: str
    after: str


def diff(before, after):
    """Return what changed from snapshot `before` to `after`, field by field."""
    labels = {**CONTENT_FIELDS, **LIST_LABELS}
    return [
        Difference(
            label, describe(field, before.get(field)), describe(field, after.get(field))
        )
        for field, label in labels.items()
        if before.get(field) != after.get(field)
    ]
