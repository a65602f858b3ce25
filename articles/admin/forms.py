"""The story form: its widgets, and the check that no save overwrites another's."""

from django import forms
from django.utils import formats, timezone
from taggit.forms import TagField, TagWidget

from ..models import Article, AuditEntry


class StoryConflict(forms.ValidationError):
    """Someone saved the story after this form was opened."""


def describe_conflict(article):
    """Return who changed `article` last, when, and what, for a refused save."""
    last = (
        AuditEntry.objects.filter(article=article)
        .select_related("user")
        .order_by("-at", "-pk")
        .first()
    )
    if last is None:
        return "Someone else saved this story while you were editing it.", {}
    who = last.user.get_full_name() or last.user.get_username() if last.user else ""
    when = formats.date_format(timezone.localtime(last.at), "DATETIME_FORMAT")
    message = (
        f"{who or 'Someone'} saved this story at {when} "
        f"({last.get_action_display().lower()}) while you were editing it. Your "
        "changes were not saved, so nothing of theirs was lost; your text is "
        "still in the form below. Open the story again and re-apply what you need."
    )
    return message, last.changes


class ArticleForm(forms.ModelForm):
    # The lock version the editor started from: a save from an older one is refused.
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    tags = TagField(
        required=False,
        label="Topics",
        widget=TagWidget(attrs={"class": "vLargeTextField topics-field"}),
        help_text="Separated by commas, in the order readers should see them.",
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "standfirst",
            "seo_title",
            "seo_description",
            "body",
            "section",
            "hero_image",
            "tags",
            "publish_at",
            "expires_at",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField headline-field"}),
            "standfirst": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
            "seo_title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "seo_description": forms.Textarea(
                attrs={"rows": 2, "class": "vLargeTextField"}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.lock_version
            self.fields["tags"].initial = self.instance.topics

    def clean(self):
        cleaned = super().clean()
        article = self.instance
        if not article.pk:
            return cleaned
        expected = cleaned.get("expected_version")
        current = (
            Article.objects.select_for_update()
            .filter(pk=article.pk)
            .values_list("lock_version", flat=True)
            .first()
        )
        if expected is None or expected != current:
            message, their_changes = describe_conflict(article)
            self.conflict = {"message": message, "their_changes": their_changes}
            raise StoryConflict(message, code="conflict")
        return cleaned
