"""The story admin: the form editors write in, and the workflow's buttons.

Every button and list action calls a function in `articles/workflow.py`, which
checks the user's role itself; the admin only hides what a role cannot use.
"""

import reversion
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from js_asset import Media

from media.admin import thumbnail_html

from .. import workflow
from ..models import (
    Article,
    ArticleAuthor,
    AuditEntry,
    Correction,
    InternalNote,
    PendingChange,
    PreviewLink,
    RelatedLink,
)
from ..publishing import State, Status
from ..redirects import remember_old_slug
from ..search import index_stories
from ..snapshots import (
    add_to_revision,
    apply_fields,
    snapshot_from_form,
    take_snapshot,
)
from . import revision_views, story_views
from .forms import ArticleForm

# Buttons on the story form: POST name → (label, who may press it).
BUTTONS = {
    "_submit_for_review": "Submit for review",
    "_publish": "Publish or schedule",
    "_publish_changes": "Publish changes",
    "_discard_changes": "Discard pending changes",
    "_unpublish": "Unpublish",
    "_reinstate": "Reinstate",
}
# Buttons that take a story off the site: the form's edits then apply directly,
# as there is no live version left to protect.
TAKES_OFF_SITE = {"_unpublish"}


def requested_button(post):
    return next((name for name in BUTTONS if name in post), None)


def local_time(value):
    if not value:
        return "—"
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return queryset.in_state(State(self.value()))
        return queryset


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    fields = ["author", "order"]
    autocomplete_fields = ["author"]
    extra = 1
    verbose_name = "byline author"
    verbose_name_plural = "Byline (in order)"

    def get_extra(self, request, obj=None, **kwargs):
        pending = getattr(obj, "pending_snapshot", None)
        return len(pending["bylines"]) + 1 if pending else self.extra


class RelatedLinkInline(admin.TabularInline):
    model = RelatedLink
    fk_name = "article"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["order", "target", "url", "title", "link_state"]
    readonly_fields = ["link_state"]
    autocomplete_fields = ["target"]
    extra = 1
    verbose_name = "related link"
    verbose_name_plural = "Related content (curated, in order)"

    def get_extra(self, request, obj=None, **kwargs):
        pending = getattr(obj, "pending_snapshot", None)
        return len(pending["related"]) + 1 if pending else self.extra

    @admin.display(description="Shown to readers?")
    def link_state(self, link):
        if link.pk is None:
            return ""
        if link.target_is_gone:
            return format_html(
                "⚠ No: the story “{}” was deleted", link.target_title or "?"
            )
        if link.target_id and link.target.status == Status.TAKEN_DOWN:
            return "⚠ No: the story was taken down"
        if link.target_id and not link.target.is_public:
            return "Not yet: the story is not public"
        return "Yes"


class ReadOnlyInline(admin.TabularInline):
    """A record shown on the story form that the form itself never changes."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CorrectionInline(ReadOnlyInline):
    model = Correction
    fields = ["kind", "text", "created_at", "created_by"]
    readonly_fields = fields
    verbose_name_plural = "Corrections, clarifications and updates (shown to readers)"


class PreviewLinkInline(ReadOnlyInline):
    model = PreviewLink
    fields = ["label", "created_by", "created_at", "expires_at", "revoked_at", "revoke"]
    readonly_fields = fields
    verbose_name_plural = "Preview links"

    @admin.display(description="")
    def revoke(self, link):
        if not link.is_usable:
            return "No longer works"
        url = reverse(
            "admin:articles_article_revoke_preview", args=[link.article_id, link.pk]
        )
        return format_html('<a href="{}">Revoke…</a>', url)


class AuditEntryInline(ReadOnlyInline):
    model = AuditEntry
    fields = ["at", "user", "action", "reason"]
    readonly_fields = fields
    verbose_name_plural = "Audit trail"


class InternalNoteInline(admin.TabularInline):
    """Notes between colleagues; existing ones are read-only, new ones are added."""

    model = InternalNote
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 1
    can_delete = False
    verbose_name = "internal note"
    verbose_name_plural = "Internal notes (never shown to readers)"
    formfield_overrides = {
        models.TextField: {
            "widget": admin.widgets.AdminTextareaWidget(attrs={"rows": 2})
        }
    }

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        # Notes are added through the story's own form, so only where it saves.
        return super().has_add_permission(request, obj) and workflow.can_edit(
            request.user, obj
        )


CONTENT_INLINES = (ArticleAuthor, RelatedLink)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = [
        "thumbnail",
        "title",
        "state_label",
        "section",
        "byline",
        "publish_time",
        "created_by",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = [StateFilter, "section", "tags", "authors"]
    list_select_related = ["section", "hero_image", "created_by"]
    search_fields = ["title", "standfirst", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["section", "hero_image"]
    inlines = [
        ArticleAuthorInline,
        RelatedLinkInline,
        CorrectionInline,
        InternalNoteInline,
        PreviewLinkInline,
        AuditEntryInline,
    ]
    readonly_fields = [
        "state_label",
        "body_as_read",
        "first_published_at",
        "revised_at",
        "updated_at",
        "created_by",
        "takedown_reason",
    ]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body", "expected_version"]}),
        ("Placement", {"fields": ["section", "hero_image", "tags"]}),
        (
            "Search engines and sharing",
            {
                "fields": ["seo_title", "seo_description"],
                "classes": ["collapse"],
                "description": "Optional. Left empty, the headline and the "
                "standfirst are used.",
            },
        ),
        (
            "Publishing",
            {
                "fields": [
                    "state_label",
                    "publish_at",
                    "expires_at",
                    "first_published_at",
                    "revised_at",
                    "updated_at",
                    "created_by",
                    "takedown_reason",
                ],
                "description": "A publish time in the future schedules the story: "
                "readers see it from that moment, and not after its expiry time.",
            },
        ),
    ]

    class Media:
        # Names the controls Django's inlines and the editor widgets leave unnamed.
        js = ["js/admin-labels.js"]
        css = {"all": ["css/admin.css"]}

    # ---------------------------------------------------------- permissions

    def has_change_permission(self, request, obj=None):
        return workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return workflow.can_delete(request.user, obj)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only: show the body as readers will see it, not as HTML source.
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        "body_as_read" if field == "body" else field
                        for field in options["fields"]
                        if field != "expected_version"
                    ],
                },
            )
            for name, options in fieldsets
        ]

    @admin.display(description="Body")
    def body_as_read(self, article):
        # Sanitised against the allow-list on every save (articles/sanitise.py).
        return mark_safe(article.body)

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if not workflow.can_publish(request.user):
            fields += ["publish_at", "expires_at"]
        return fields

    def get_inline_instances(self, request, obj=None):
        # Records of the newsroom's own work appear once the story exists.
        inlines = super().get_inline_instances(request, obj)
        if obj is None:
            return [i for i in inlines if i.model in CONTENT_INLINES + (InternalNote,)]
        return inlines

    # ---------------------------------------------------------- lists

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .with_pending_flag()
            .prefetch_related("article_authors__author")
        )

    @admin.display(description="")
    def thumbnail(self, article):
        return thumbnail_html(article.hero_image, width=64)

    @admin.display(description="Byline")
    def byline(self, article):
        return ", ".join(author.name for author in article.byline_authors) or "—"

    @admin.display(description="State")
    def state_label(self, article):
        if article.pk is None:
            return "Draft (not saved yet)"
        state = article.state
        if state == State.SCHEDULED:
            return f"Scheduled for {local_time(article.publish_at)}"
        if state == State.EXPIRED:
            return f"Expired at {local_time(article.expires_at)}"
        return state.label

    @admin.display(description="Publish time", ordering="publish_at")
    def publish_time(self, article):
        return local_time(article.publish_at)

    # ---------------------------------------------------------- the form

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is not None and getattr(request, "editing_story", False):
            pending = PendingChange.objects.filter(article=article).first()
            if pending is not None:
                # The form continues from the pending changes, not the live text.
                apply_fields(article, pending.data)
                article.pending_snapshot = pending.data
        return article

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        pending = getattr(obj, "pending_snapshot", None)
        if pending and inline.model in CONTENT_INLINES:
            kwargs["queryset"] = inline.model.objects.none()
            kwargs["initial"] = (
                [{"author": pk, "order": n} for n, pk in enumerate(pending["bylines"])]
                if inline.model is ArticleAuthor
                else pending["related"]
            )
        return kwargs

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.editing_story = True
        if request.method == "POST":
            refusal = self.refusal(request, object_id)
            if refusal:
                self.message_user(request, refusal, messages.ERROR)
                return HttpResponseRedirect(request.get_full_path())
        extra_context = {
            **(extra_context or {}),
            **self.workflow_context(request, object_id),
        }
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("Edited in the admin")
            return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, *args, **kwargs):
        # The body editor's import map is an inline script: the Content Security
        # Policy lets it run by this request's nonce, and nothing else inline.
        context["media"] = Media.from_media(
            context["media"], nonce=getattr(request, "csp_nonce", "")
        )
        return super().render_change_form(request, context, *args, **kwargs)

    def refusal(self, request, object_id):
        """Say why the button pressed is not for this user, before anything is saved."""
        button = requested_button(request.POST)
        publishing = {"_publish", "_publish_changes", "_unpublish", "_reinstate"}
        if button in publishing and not workflow.can_publish(request.user):
            return (
                f"Only editors may {BUTTONS[button].lower()}. Nothing was saved; "
                "use “Submit for review” to send your story to an editor."
            )
        return None

    def workflow_context(self, request, object_id):
        user = request.user
        article = Article.objects.filter(pk=object_id).first() if object_id else None
        pending = (
            PendingChange.objects.filter(article=article).first() if article else None
        )
        return {
            "story": article,
            "story_state": article.state if article else None,
            "pending_change": pending,
            "can_publish": workflow.can_publish(user),
            "can_submit": article is None
            or (
                workflow.can_edit(user, article)
                and article.status in {Status.DRAFT, Status.UNPUBLISHED}
            ),
            "publish_problems": workflow.publish_problems(article) if article else [],
            "can_edit_story": workflow.can_edit(user, article),
        }

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.save()
            return
        stored = Article.objects.get(pk=obj.pk)
        request.story_before = take_snapshot(stored)
        leaving = requested_button(request.POST) in TAKES_OFF_SITE
        request.story_was_live = stored.is_public and not leaving
        if leaving:
            # The form holds the newest text (pending changes included).
            PendingChange.objects.filter(article=stored).delete()
        if request.story_was_live:
            # Content waits as pending changes; the schedule applies at once.
            Article.objects.filter(pk=obj.pk).update(
                publish_at=obj.publish_at, expires_at=obj.expires_at
            )
            obj.lock_version = stored.lock_version
            return
        obj.save()
        remember_old_slug(obj, stored.slug)

    def save_formset(self, request, form, formset, change):
        if formset.model is InternalNote:
            for note in formset.save(commit=False):
                note.author = request.user
                note.save()
            return
        if (
            getattr(request, "story_was_live", False)
            and formset.model in CONTENT_INLINES
        ):
            # Kept as pending changes instead; the admin's change message still
            # asks each formset what it saved.
            formset.new_objects = formset.changed_objects = []
            formset.deleted_objects = []
            return
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        article = form.instance
        if getattr(request, "story_was_live", False):
            for formset in formsets:
                self.save_formset(request, form, formset, change)
            workflow.save_pending(
                article, by=request.user, snapshot=snapshot_from_form(form, formsets)
            )
            return
        super().save_related(request, form, formsets, change)
        # taggit would store the topics in its own order; keep the editor's.
        article.set_topics(form.cleaned_data.get("tags") or [])
        add_to_revision(article)
        index_stories([article])
        if change:
            workflow.record_edit(
                article,
                by=request.user,
                before=request.story_before,
                after=take_snapshot(article),
            )
        else:
            workflow.record(article, request.user, AuditEntry.Action.CREATED)

    def response_add(self, request, obj, post_url_continue=None):
        if requested_button(request.POST):
            self.press(request, obj)
            return HttpResponseRedirect(self.change_url(obj))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "story_was_live", False) and not requested_button(
            request.POST
        ):
            self.message_user(
                request,
                "Saved as pending changes. Readers still see the live version until "
                "an editor publishes the changes.",
                messages.WARNING,
            )
            return HttpResponseRedirect(self.change_url(obj))
        if requested_button(request.POST):
            self.press(request, obj)
            return HttpResponseRedirect(self.change_url(obj))
        return super().response_change(request, obj)

    def press(self, request, article):
        """Run the workflow step behind the button pressed, and say how it went."""
        button = requested_button(request.POST)
        user = request.user
        override = request.POST.get("_override_reason", "")
        article.refresh_from_db()
        try:
            if button == "_submit_for_review":
                workflow.submit_for_review(article, by=user)
                done = "Submitted for review: an editor will see it in the list."
            elif button == "_publish":
                workflow.publish(article, by=user, override_reason=override)
                done = (
                    f"Scheduled for {local_time(article.publish_at)}."
                    if article.is_scheduled
                    else "Published: readers can see it now."
                )
            elif button == "_publish_changes":
                workflow.publish_pending(article, by=user, override_reason=override)
                done = "The changes are live."
            elif button == "_discard_changes":
                workflow.discard_pending(article, by=user)
                done = "Pending changes discarded; the live version is unchanged."
            elif button == "_reinstate":
                workflow.reinstate(article, by=user)
                done = "Reinstated: the story is unpublished; fix it or publish it."
            else:
                workflow.unpublish(article, by=user)
                done = "Unpublished: readers can no longer see it."
        except workflow.PublishChecksFailed as refused:
            self.message_user(
                request,
                f"Saved, but not published. {refused.message} An editor may publish "
                "anyway by giving a reason in “Override the checks”.",
                messages.ERROR,
            )
            return
        except (ValidationError, workflow.NotAllowed) as refused:
            message = getattr(refused, "message", None) or " ".join(refused.args)
            self.message_user(request, f"Saved, but: {message}", messages.ERROR)
            return
        self.message_user(request, done, messages.SUCCESS)

    def change_url(self, article):
        return reverse("admin:articles_article_change", args=[article.pk])

    def delete_model(self, request, obj):
        # A last revision makes the story recoverable after deletion.
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("Deleted")
            reversion.add_to_revision(obj)
        workflow.record(obj, request.user, AuditEntry.Action.DELETED)
        pk = obj.pk
        super().delete_model(request, obj)
        index_stories([pk])

    def delete_queryset(self, request, queryset):
        for article in queryset:
            self.delete_model(request, article)

    # ---------------------------------------------------------- list actions

    @admin.action(description="Publish selected stories", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.run_on_each(request, queryset, workflow.publish, "Published")

    @admin.action(description="Unpublish selected stories", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self.run_on_each(request, queryset, workflow.unpublish, "Unpublished")

    def run_on_each(self, request, queryset, step, done):
        # One story at a time: each gets its own checks, revision and audit entry.
        succeeded = 0
        for article in queryset:
            try:
                step(article, by=request.user)
            except (ValidationError, workflow.NotAllowed) as refused:
                message = getattr(refused, "message", None) or " ".join(refused.args)
                self.message_user(request, f"“{article}”: {message}", messages.ERROR)
            else:
                succeeded += 1
        if succeeded:
            noun = "story" if succeeded == 1 else "stories"
            self.message_user(request, f"{done} {succeeded} {noun}.", messages.SUCCESS)

    # ---------------------------------------------------------- extra pages

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/take-down/",
                view(story_views.take_down(self)),
                name="articles_article_take_down",
            ),
            path(
                "<path:object_id>/corrections/add/",
                view(story_views.add_correction(self)),
                name="articles_article_add_correction",
            ),
            path(
                "<path:object_id>/preview-links/add/",
                view(story_views.create_preview_link(self)),
                name="articles_article_add_preview",
            ),
            path(
                "<path:object_id>/preview-links/<int:link_id>/revoke/",
                view(story_views.revoke_preview_link(self)),
                name="articles_article_revoke_preview",
            ),
            *revision_views.urls(self),
            *super().get_urls(),
        ]
