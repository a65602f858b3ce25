"""Front pages: the stories editors put first on the home page and on section pages."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce

from .content import Article, Section

# The lead and four top stories beside it; a section page has a pinned lead only.
HOME_SLOTS = 5
SECTION_SLOTS = 1


class FrontPage(models.Model):
    """The editor's line-up for one page: the home page, or one section's page."""

    section = models.OneToOneField(
        Section,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="front_page",
        help_text="Leave empty for the home page; choose a section to pin the lead "
        "of that section's page.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "front page"
        constraints = [
            # One home page: NULL sections are never equal to each other in a
            # plain unique index, so the home page counts as section 0.
            models.UniqueConstraint(
                Coalesce("section", Value(0)),
                name="one_front_page_per_page",
                violation_error_message="That page already has a front page; "
                "change its line-up instead.",
            ),
        ]

    def __str__(self):
        if self.section_id is None:
            return "Home page"
        return f"{self.section.name} section page"

    @property
    def slot_count(self):
        return HOME_SLOTS if self.section_id is None else SECTION_SLOTS


class FrontPageSlot(models.Model):
    """One story in a front page's line-up; position 1 is the lead."""

    front_page = models.ForeignKey(
        FrontPage, on_delete=models.CASCADE, related_name="slots"
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="front_page_slots",
        verbose_name="story",
        help_text="A scheduled story may be placed ahead of time: readers see it "
        "here from its publish time, never before.",
    )
    position = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1)],
        help_text="1 is the lead; then the top stories in this order.",
    )

    class Meta:
        ordering = ["position"]
        verbose_name = "slot"
        constraints = [
            models.UniqueConstraint(
                fields=["front_page", "position"], name="one_story_per_slot"
            ),
            models.UniqueConstraint(
                fields=["front_page", "article"], name="story_once_per_front_page"
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1), name="slot_positions_start_at_one"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.article}"

    def clean(self):
        front_page = getattr(self, "front_page", None)
        article = getattr(self, "article", None)
        if front_page is None or article is None or front_page.section_id is None:
            return
        if article.section_id != front_page.section_id:
            raise ValidationError(
                {"article": f"This story is not filed under {front_page.section}."}
            )
