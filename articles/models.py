"""The newsroom's content: sections, authors, the image library, stories, links."""

from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import F, Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField
from PIL import Image as PILImage
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from .querysets import ArticleQuerySet
from .sanitise import BODY_EXTENSIONS, sanitise_html
from .text import teaser

THUMBNAIL_WIDTH = 480


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
        return reverse("articles:section", kwargs={"slug": self.slug})


def validate_image_size(file):
    limit = settings.IMAGE_MAX_UPLOAD_SIZE
    if file.size > limit:
        raise ValidationError(
            "This image is %(size)s; the largest we accept is %(limit)s. "
            "Please resize it and upload it again.",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )


class Image(models.Model):
    file = models.ImageField(
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[validate_image_size],
        help_text="JPEG, PNG, GIF or WebP.",
    )
    thumbnail = models.ImageField(
        upload_to="images/thumbnails/", blank=True, editable=False
    )
    title = models.CharField(max_length=200, help_text="For finding it in the library.")
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it. "
        "Leave empty only when the picture is decorative.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(
        max_length=200, blank=True, help_text="Photographer or agency."
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The thumbnail is derived from this row's own file, so it is made here.
        if self.file and not self.thumbnail:
            self.thumbnail.save(
                self._thumbnail_name(), self._render_thumbnail(), save=False
            )
        super().save(*args, **kwargs)

    def _thumbnail_name(self):
        return f"{PurePosixPath(self.file.name).stem}-{THUMBNAIL_WIDTH}.jpg"

    def _render_thumbnail(self):
        self.file.open("rb")
        self.file.seek(0)
        with PILImage.open(self.file) as picture:
            picture = picture.convert("RGB")
            picture.thumbnail((THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 2))
            buffer = BytesIO()
            picture.save(buffer, "JPEG", quality=82, optimize=True)
        self.file.seek(0)
        return ContentFile(buffer.getvalue())

    @property
    def thumbnail_url(self):
        return (self.thumbnail or self.file).url

    @property
    def thumbnail_height(self):
        if not self.width or not self.height:
            return None
        return round(self.height * min(THUMBNAIL_WIDTH, self.width) / self.width)

    @property
    def thumbnail_width(self):
        return min(THUMBNAIL_WIDTH, self.width or THUMBNAIL_WIDTH)


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
        return reverse("articles:author", kwargs={"slug": self.slug})


class TaggedArticle(TaggedItemBase):
    """Tag links with a real foreign key, so tag pages join on an index."""

    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="unique_tag_per_article"
            )
        ]


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The last part of the story's address. Letters, numbers and hyphens.",
    )
    standfirst = models.TextField(
        blank=True, help_text="The summary under the headline, one or two sentences."
    )
    body = ProseEditorField(
        blank=True, config={"extensions": BODY_EXTENSIONS}, sanitize=True
    )
    hero_image = models.ForeignKey(
        Image,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the top of the story and on its cards.",
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="articles"
    )
    authors = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles", blank=True
    )
    tags = TaggableManager(through=TaggedArticle, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=False
    )
    publish_at = models.DateTimeField(
        "publish time",
        null=True,
        blank=True,
        help_text="When readers may first see it. A time in the future schedules it.",
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_public_idx"),
            models.Index(
                fields=["section", "status", "-publish_at"], name="article_section_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(publish_at__isnull=False),
                name="published_article_has_publish_time",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitised on every save, whatever wrote the body: admin, import or shell.
        self.body = sanitise_html(self.body)
        if self.status == self.Status.PUBLISHED:
            self.publish_at = self.publish_at or timezone.now()
            self.first_published_at = self.first_published_at or self.publish_at
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        # Forms check the database's constraints before save() runs: a story marked
        # published with no time goes out now, as save() would do, instead of
        # failing "published_article_has_publish_time".
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def byline_authors(self):
        """Authors in byline order (uses the prefetch from `with_listing_data`)."""
        return [link.author for link in self.article_authors.all()]

    @property
    def teaser(self):
        return teaser(self.standfirst or self.body)

    @property
    def was_updated(self):
        """True when the story was edited after it went out (not merely created late)."""
        if not (self.publish_at and self.updated_at):
            return False
        went_out = max(self.publish_at, self.created_at or self.publish_at)
        return (self.updated_at - went_out).total_seconds() > 60

    def publish(self, *, at=None):
        """Make the story public now, or at `at` (which schedules it)."""
        self.status = self.Status.PUBLISHED
        self.publish_at = at or self.publish_at or timezone.now()
        self.save()

    def unpublish(self):
        """Take the story off the site; it keeps its first publication time."""
        self.status = self.Status.DRAFT
        self.save(update_fields=["status", "updated_at"])

    def related_content(self, limit=3):
        from .related import related_content

        return related_content(self, limit=limit)


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


class RelatedLink(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_links"
    )
    target = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="story",
        help_text="Another story on this site…",
    )
    url = models.URLField(
        "external address", blank=True, help_text="…or a page elsewhere on the web."
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
                | (Q(target__isnull=True) & ~Q(url="") & ~Q(title="")),
                name="related_link_story_or_titled_url",
            ),
            models.CheckConstraint(
                condition=~Q(target=F("article")), name="related_link_not_to_itself"
            ),
            models.UniqueConstraint(
                fields=["article", "target"], name="unique_related_story"
            ),
        ]

    def __str__(self):
        return self.title or str(self.target)

    def clean(self):
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
