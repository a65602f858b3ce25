"""Admin pages for a story's revisions: its history, a comparison of two versions,
restoring one, and recovering deleted stories.

Pages that only show something need the view permission, and a GET never
changes anything. The POSTs call `workflow.restore_revision()` and
`workflow.recover_deleted()`, which check the user's role themselves, so a
crafted request is refused with the same message the page would give.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .. import revisions, workflow
from ..models import Article
from ..snapshots import LIST_LABELS, describe, take_snapshot

VERSIONS_PER_PAGE = 50
# What the recover page shows of a deleted story, before anyone brings it back.
SUMMARY_FIELDS = {
    "title": "Headline",
    "standfirst": "Standfirst",
    "section_id": "Section",
    **LIST_LABELS,
}


def urls(model_admin):
    """Return the revision pages' URL patterns, for `ArticleAdmin.get_urls()`."""
    view = model_admin.admin_site.admin_view
    return [
        path(
            "<path:object_id>/revisions/",
            view(history(model_admin)),
            name="articles_article_revisions",
        ),
        path(
            "<path:object_id>/revisions/compare/",
            view(compare(model_admin)),
            name="articles_article_compare",
        ),
        path(
            "<path:object_id>/revisions/<int:version_id>/restore/",
            view(restore(model_admin)),
            name="articles_article_restore",
        ),
        path(
            "deleted/",
            view(deleted_list(model_admin)),
            name="articles_article_recoverlist",
        ),
        path(
            "deleted/<int:version_id>/recover/",
            view(recover(model_admin)),
            name="articles_article_recover",
        ),
    ]


def _page(model_admin, request, template, **context):
    return TemplateResponse(
        request,
        f"admin/articles/article/{template}",
        {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            **context,
        },
    )


def _story(model_admin, request, object_id):
    article = get_object_or_404(Article, pk=object_id)
    if not model_admin.has_view_permission(request, article):
        raise PermissionDenied
    return article


def _version(article, version_id):
    return get_object_or_404(revisions.story_versions(article), pk=version_id)


def _refused(refusal):
    return getattr(refusal, "message", None) or " ".join(map(str, refusal.args))


def _left_out(notes):
    return f" Some things could not come back: {'; '.join(notes)}." if notes else ""


def history(model_admin):
    def view(request, object_id):
        article = _story(model_admin, request, object_id)
        page = Paginator(revisions.story_versions(article), VERSIONS_PER_PAGE)
        return _page(
            model_admin,
            request,
            "revisions.html",
            title=f"History and revisions of “{article}”",
            original=article,
            page=page.get_page(request.GET.get("page")),
            can_restore=workflow.can_restore(request.user, article),
        )

    return view


def compare(model_admin):
    def view(request, object_id):
        article = _story(model_admin, request, object_id)
        chosen = {request.GET.get("before"), request.GET.get("after")}
        wanted = [int(pk) for pk in chosen if pk and pk.isdigit()]
        versions = sorted(
            revisions.story_versions(article).filter(pk__in=wanted),
            key=lambda version: version.pk,
        )
        if len(versions) != 2:
            messages.error(request, "Choose two different versions to compare.")
            return HttpResponseRedirect(
                reverse("admin:articles_article_revisions", args=[article.pk])
            )
        older, newer = versions
        return _page(
            model_admin,
            request,
            "compare_revisions.html",
            title=f"Compare two versions of “{article}”",
            original=article,
            older=older,
            newer=newer,
            rows=revisions.compare(
                revisions.snapshot_from_version(older),
                revisions.snapshot_from_version(newer),
            ),
            can_restore=workflow.can_restore(request.user, article),
        )

    return view


def restore(model_admin):
    def view(request, object_id, version_id):
        article = _story(model_admin, request, object_id)
        version = _version(article, version_id)
        if request.method == "POST":
            try:
                _, notes = workflow.restore_revision(
                    article, by=request.user, version=version
                )
            except (ValidationError, workflow.NotAllowed) as refusal:
                messages.error(request, _refused(refusal))
            else:
                messages.success(
                    request,
                    f"Restored the version of {revisions.version_date(version)}, "
                    "saved as a new revision; the story's state is unchanged."
                    + _left_out(notes),
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[article.pk])
                )
        target, notes = revisions.restorable(
            revisions.snapshot_from_version(version), article
        )
        return _page(
            model_admin,
            request,
            "restore_revision.html",
            title=f"Restore an earlier version of “{article}”",
            original=article,
            version=version,
            rows=revisions.compare(take_snapshot(article), target),
            notes=notes,
            can_restore=workflow.can_restore(request.user, article),
        )

    return view


def deleted_list(model_admin):
    def view(request):
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        page = Paginator(revisions.deleted_stories(), VERSIONS_PER_PAGE)
        return _page(
            model_admin,
            request,
            "deleted_stories.html",
            title="Recover deleted stories",
            page=page.get_page(request.GET.get("page")),
            can_recover=workflow.can_publish(request.user),
        )

    return view


def recover(model_admin):
    def view(request, version_id):
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        version = get_object_or_404(revisions.deleted_stories(), pk=version_id)
        if request.method == "POST":
            try:
                article, notes = workflow.recover_deleted(version, by=request.user)
            except (ValidationError, workflow.NotAllowed) as refusal:
                messages.error(request, _refused(refusal))
            else:
                messages.success(
                    request,
                    f"Recovered, {article.get_status_display().lower()}: readers do "
                    "not see it until it is published again." + _left_out(notes),
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[article.pk])
                )
        snapshot = revisions.snapshot_from_version(version)
        return _page(
            model_admin,
            request,
            "recover_story.html",
            title=f"Recover “{version.object_repr}”",
            version=version,
            summary=[
                (label, describe(field, snapshot[field]))
                for field, label in SUMMARY_FIELDS.items()
            ],
            can_recover=workflow.can_publish(request.user),
        )

    return view
