"""Admin pages for one story's workflow steps that need words from the editor:
take down (with a reason), add a correction, create and revoke preview links.

Each page is a small form; the POST calls `articles/workflow.py`, which checks
the user's role again, so a crafted request is refused with the same message.
"""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .. import workflow
from ..models import Article, Correction, PreviewLink


class TakeDownForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        help_text="Why it must come down (legal, safety…). Kept on record; readers "
        "see only a short neutral notice.",
    )


class CorrectionForm(forms.Form):
    kind = forms.ChoiceField(choices=Correction.Kind.choices)
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        help_text=Correction._meta.get_field("text").help_text,
    )


class PreviewLinkForm(forms.Form):
    label = forms.CharField(
        max_length=120,
        required=False,
        help_text=PreviewLink._meta.get_field("label").help_text,
    )
    expires_at = forms.SplitDateTimeField(
        label="Works until",
        widget=AdminSplitDateTime,
        help_text="After this time the link answers “not found”.",
    )

    def clean_expires_at(self):
        expires_at = self.cleaned_data["expires_at"]
        if expires_at <= timezone.now():
            raise ValidationError("Choose a time in the future.")
        return expires_at


def _page(model_admin, request, article, template, **context):
    return TemplateResponse(
        request,
        f"admin/articles/article/{template}",
        {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "original": article,
            "title": context.pop("title"),
            **context,
        },
    )


def _story(request, object_id):
    article = get_object_or_404(Article, pk=object_id)
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    return article


def _back(article):
    return HttpResponseRedirect(
        reverse("admin:articles_article_change", args=[article.pk])
    )


def _refused(refusal):
    return getattr(refusal, "message", None) or " ".join(map(str, refusal.args))


def form_step(*, form_class, template, title, step, done):
    """Return an admin page whose valid POST runs the workflow function `step`.

    `step(article, by=user, **form.cleaned_data)` checks the user's role
    itself, so a crafted POST gets the same refusal as the page would.
    """

    def page_for(model_admin):
        def view(request, object_id):
            article = _story(request, object_id)
            form = form_class(request.POST or None)
            if request.method == "POST" and form.is_valid():
                try:
                    step(article, by=request.user, **form.cleaned_data)
                except (ValidationError, workflow.NotAllowed) as refusal:
                    messages.error(request, _refused(refusal))
                else:
                    messages.success(request, done)
                    return _back(article)
            return _page(
                model_admin,
                request,
                article,
                template,
                title=title.format(article=article),
                form=form,
            )

        return view

    return page_for


take_down = form_step(
    form_class=TakeDownForm,
    template="take_down.html",
    title="Take down “{article}”",
    step=workflow.take_down,
    done="Taken down: the story has left every reader page and its address "
    "answers “410 Gone”.",
)
add_correction = form_step(
    form_class=CorrectionForm,
    template="add_correction.html",
    title="Add a correction to “{article}”",
    step=workflow.add_correction,
    done="The note is on the story for readers.",
)


def create_preview_link(model_admin):
    def view(request, object_id):
        article = _story(request, object_id)
        form = PreviewLinkForm(
            request.POST or None,
            initial={"expires_at": timezone.now() + timedelta(days=2)},
        )
        address = None
        if request.method == "POST" and form.is_valid():
            try:
                _link, token = workflow.create_preview_link(
                    article, by=request.user, **form.cleaned_data
                )
            except (ValidationError, workflow.NotAllowed) as refusal:
                messages.error(request, _refused(refusal))
            else:
                address = request.build_absolute_uri(
                    reverse("articles:preview", args=[token])
                )
        return _page(
            model_admin,
            request,
            article,
            "add_preview_link.html",
            title=f"Share a preview of “{article}”",
            form=form,
            address=address,
        )

    return view


def revoke_preview_link(model_admin):
    def view(request, object_id, link_id):
        article = _story(request, object_id)
        link = PreviewLink.objects.filter(article=article, pk=link_id).first()
        if link is None:
            raise Http404("No such preview link.")
        if request.method == "POST":
            try:
                workflow.revoke_preview_link(link, by=request.user)
            except workflow.NotAllowed as refusal:
                messages.error(request, _refused(refusal))
            else:
                messages.success(
                    request, "Revoked: the link no longer opens the story."
                )
                return _back(article)
        return _page(
            model_admin,
            request,
            article,
            "revoke_preview_link.html",
            title="Revoke a preview link",
            link=link,
        )

    return view
