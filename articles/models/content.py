"""The newsroom's content: sections, authors, topics, stories and their links."""

import reversion
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField
from taggit import models as taggit_models
from taggit.managers import TaggableManager

from media.models import Image

from ..addresses import normalise_scheme, validate_web_address, web_address_q
from ..paths import slug_address
from ..publishing import State, Status, publication_values, state_of
from ..querysets import ArticleManager
from ..sanitise import BODY_EXTENSIONS, sanitise_html
from ..text import ascii_slug, teaser

# A topic whose name has no letters or digits at all ("!!!") still needs an address.
FALLBACK_TAG_SLUG = "topic"


class Section(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(
        blank=True, help_text="One or two sentences shown at the top of the section."
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first in the navigation."
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_address("articles:section", self.slug)


class Author(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    bio = models.TextField(
        blank=True, help_text="A sentence or two shown on the author page."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The login this byline belongs to, if any. Guest writers have none.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_address("articles:author", self.slug)


class Tag(taggit_models.Tag):
    """A topic, whose address is always ASCII and never empty, whatever its name.

    taggit keeps Unicode in slugs ("côte-divoire") and leaves "!!!" with an empty
    one; either breaks every page that links to the topic. A proxy keeps
    taggit's table and manager and changes only how new slugs are made.
    """

    class Meta:
        proxy = True
        verbose_name = "topic"

    def slugify(self, tag, i=None):
        slug = ascii_slug(tag, fallback=FALLBACK_TAG_SLUG)
        return slug if i is None else f"{slug}-{i}"

    def get_absolute_url(self):
        return slug_address("articles:tag", self.slug)


@reversion.register()
class TaggedArticle(taggit_models.ItemBase):
    """Tag links with a real foreign key, so tag pages join on an index."""

    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="unique_tag_per_article"
            )
        ]


# Columns worked out from a story's content by other code (`search`, `related`),
# written by that code alone: a revision never restores them, and `save()`
# never writes back the copy it loaded.
DERIVED_FIELDS = ("search_vector", "similar_story_ids", "similar_ranked_at")


# A revision holds the story with its topics, byline and curated links.
@reversion.register(
    follow=("article_authors", "related_links", "tagged_items"),
    exclude=DERIVED_FIELDS,
)
class Article(models.Model):
    Status = Status
    State = State

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The last part of the story's address. Letters, numbers and hyphens.",
    )
    standfirst = models.TextField(
        blank=True, help_text="The summary under the headline, one or two sentences."
    )
    seo_title = models.CharField(
        "headline for search and sharing",
        max_length=120,
        blank=True,
        help_text="Optional. Shown by search engines and on share cards instead of "
        "the headline; about 60 characters reads best.",
    )
    seo_description = models.CharField(
        "summary for search and sharing",
        max_length=300,
        blank=True,
        help_text="Optional. Shown by search engines and on share cards instead of "
        "the standfirst; about 155 characters reads best.",
    )
    body = ProseEditorField(
        blank=True, config={"extensions": BODY_EXTENSIONS}, sanitize=sanitise_html
    )
    hero_image = models.ForeignKey(
        Image,
        null=True,
        blank=True,
        # An image in use cannot be deleted: the story would lose it unseen.
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Shown at the top of the story and on its cards.",
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="articles"
    )
    authors = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles", blank=True
    )
    tags = TaggableManager(
        "topics",
        through=TaggedArticle,
        blank=True,
        help_text="Separated by commas, in the order readers should see them.",
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=False,
        editable=False,
    )
    publish_at = models.DateTimeField(
        "publish time",
        null=True,
        blank=True,
        help_text="When readers may first see it. A time in the future schedules it.",
    )
    expires_at = models.DateTimeField(
        "expiry time",
        null=True,
        blank=True,
        help_text="Optional. The story leaves the site by itself at this time.",
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    revised_at = models.DateTimeField(
        "updated for readers",
        null=True,
        blank=True,
        editable=False,
        help_text="The “Updated” time readers see: set by a correction or a major "
        "update, never by a silent fix.",
    )
    takedown_reason = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Optimistic locking: every save bumps it, and a save that started from an
    # older number is refused instead of overwriting someone else's work.
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # PostgreSQL's search document (weighted title, standfirst, topics, bylines,
    # body), GIN-indexed by migration 0009 and written by `search.index_stories()`.
    # SQLite keeps an FTS5 table instead (`SearchDocument`), so this stays NULL.
    search_vector = SearchVectorField(null=True, editable=False)
    # The stories most like this one, best first, ranked by `related.rank_similar()`
    # whenever the story changes (`workflow.record()`) and by `refresh_related`,
    # so a reader's request looks them up instead of ranking the archive. NULL:
    # never ranked (stories loaded in bulk); the page then ranks them itself.
    similar_story_ids = models.JSONField(null=True, blank=True, editable=False)
    similar_ranked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        permissions = [
            (
                "publish_article",
                "Can publish, schedule, unpublish, take down and restore stories",
            )
        ]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_public_idx"),
            models.Index(
                fields=["section", "status", "-publish_at"], name="article_section_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(publish_at__isnull=False),
                name="published_article_has_publish_time",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True)
                | Q(publish_at__isnull=True)
                | Q(expires_at__gt=F("publish_at")),
                name="article_expires_after_it_goes_out",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitised on every save, whatever wrote the body: admin, import or shell.
        self.body = sanitise_html(self.body)
        if self.status == Status.PUBLISHED:
            self._apply_publication_rule()
        if self.pk is not None and not self._state.adding:
            self.lock_version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "lock_version"}
            else:
                # Derived columns are written by the code that derives them: a
                # copy loaded before the last indexing or ranking must not put
                # back what it was loaded with.
                kwargs["update_fields"] = SAVED_FIELDS
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_address("articles:detail", self.slug)

    def clean(self):
        # Forms check the database's constraints before save() runs: a story marked
        # published with no time goes out now, as save() would do, instead of
        # failing "published_article_has_publish_time".
        if self.status == Status.PUBLISHED:
            self._apply_publication_rule()

    def _apply_publication_rule(self):
        values = publication_values(
            publish_at=self.publish_at,
            first_published_at=self.first_published_at,
            now=timezone.now(),
        )
        for field, value in values.items():
            setattr(self, field, value)

    @property
    def headline_for_sharing(self):
        """The headline search engines and share cards show."""
        return self.seo_title or self.title

    @property
    def summary_for_sharing(self):
        """The summary search engines and share cards show."""
        return self.seo_description or self.standfirst or self.teaser

    @property
    def is_public(self):
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= now
            and (self.expires_at is None or self.expires_at > now)
        )

    @property
    def state(self):
        """The state editors see; lists annotate `has_pending_change` to save queries."""
        has_pending = getattr(self, "has_pending_change", None)
        if has_pending is None:
            has_pending = hasattr(self, "pending_change")
        return state_of(
            status=self.status,
            publish_at=self.publish_at,
            expires_at=self.expires_at,
            has_pending_change=has_pending,
            now=timezone.now(),
        )

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and bool(
            self.publish_at and self.publish_at > timezone.now()
        )

    @property
    def is_expired(self):
        return self.status == Status.PUBLISHED and bool(
            self.expires_at and self.expires_at <= timezone.now()
        )

    @property
    def topics(self):
        """Topics in the order the editor typed them: as loaded with the story
        (`with_topics()`, `load_topics()`), else from its topic links (one query)."""
        loaded = self.__dict__.get("loaded_topics")
        if loaded is not None:
            return loaded
        return [
            item.tag for item in self.tagged_items.select_related("tag").order_by("pk")
        ]

    @property
    def corrections_shown(self):
        """Corrections and updates, oldest first; no query when `with_detail_data()`
        found none."""
        if not getattr(self, "has_corrections", True):
            return []
        return list(self.corrections.all())

    def set_topics(self, names):
        """Make `names` the story's topics, in that order, creating new ones."""
        topics = []
        for name in names:
            tag = Tag.objects.filter(name__iexact=name).first()
            if tag is None:
                tag = Tag(name=name)
                tag.save()
            topics.append(tag)
        TaggedArticle.objects.filter(content_object=self).delete()
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=self, tag=tag) for tag in topics
        )

    @property
    def byline_authors(self):
        """Authors in byline order: as loaded with the story (`with_listing_data()`,
        `load_bylines()`), else from its byline links (prefetched, or one query)."""
        loaded = self.__dict__.get("loaded_byline")
        if loaded is not None:
            return loaded
        return [link.author for link in self.article_authors.all()]

    @property
    def teaser(self):
        """The standfirst, or else the start of the body, cut at a word.

        Loaded for a card (`for_cards()`), a story brings the start of its
        body as `teaser_source` instead of the whole of it.
        """
        source = self.__dict__.get("teaser_source")
        return teaser(self.standfirst or (self.body if source is None else source))

    @property
    def was_updated(self):
        """True when a correction or major update came after the story went out."""
        return bool(
            self.revised_at and self.publish_at and self.revised_at > self.publish_at
        )

    def publish(self, *, at=None):
        """Make the story public now, or at `at` (which schedules it)."""
        self.status = Status.PUBLISHED
        self.publish_at = at or self.publish_at
        self.save()

    def unpublish(self):
        """Take the story off the site; it keeps its first publication time."""
        self.status = Status.UNPUBLISHED
        self.save()


# Every column `Article.save()` writes on an update: all but the derived ones.
SAVED_FIELDS = frozenset(
    field.name
    for field in Article._meta.concrete_fields
    if not field.primary_key and field.name not in DERIVED_FIELDS
)


@reversion.register()
class ArticleAuthor(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="article_authors"
    )
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "byline author"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="unique_byline_author"
            )
        ]

    def __str__(self):
        return str(self.author)


@reversion.register()
class RelatedLink(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_links"
    )
    target = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        # Deleting the story keeps the link, flagged, so the editor sees what went.
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="story",
        help_text="Another story on this site…",
    )
    target_title = models.CharField(
        "story's title when linked", max_length=200, blank=True, editable=False
    )
    url = models.URLField(
        "external address",
        blank=True,
        validators=[validate_web_address],
        help_text="…or a page elsewhere on the web (http:// or https://).",
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="Needed for an external address."
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(target__isnull=False) & Q(url=""))
                | (Q(target__isnull=True) & ~Q(url="") & ~Q(title=""))
                # The story it linked to was deleted: kept, flagged in the admin.
                | (Q(target__isnull=True) & Q(url="") & ~Q(target_title="")),
                name="related_link_story_or_titled_url",
            ),
            models.CheckConstraint(
                condition=~Q(target=F("article")), name="related_link_not_to_itself"
            ),
            models.UniqueConstraint(
                fields=["article", "target"], name="unique_related_story"
            ),
            # Imports, the shell and bulk writes never pass through a form.
            models.CheckConstraint(
                condition=Q(url="") | web_address_q("url"),
                name="related_link_web_address_only",
            ),
        ]

    def __str__(self):
        return self.title or self.target_title or str(self.target)

    def save(self, *args, **kwargs):
        # Checked on every save, not only in the admin's form: a javascript: or
        # data: address would run in the reader's browser.
        self.url = normalise_scheme(self.url)
        if self.target_id:
            self.target_title = self.target.title
        self.full_clean(
            exclude=["article", "target"],
            validate_unique=False,
            validate_constraints=False,
        )
        super().save(*args, **kwargs)

    @property
    def target_is_gone(self):
        """True when the story this link pointed to has been deleted."""
        return not self.target_id and not self.url

    def clean(self):
        if self.target_is_gone:
            return
        if self.target_id and self.url:
            raise ValidationError(
                "Choose a story or give an external address, not both."
            )
        if not self.target_id and not self.url:
            raise ValidationError("Choose a story or give an external address.")
        if self.url and not self.title:
            raise ValidationError(
                {"title": "Give the external link a title readers will see."}
            )
        if self.target_id and self.target_id == self.article_id:
            raise ValidationError({"target": "A story cannot be related to itself."})
