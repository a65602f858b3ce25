"""The front page admin: the home page's lead and top stories, and section leads.

Saving the form is one change to the page, audited once; only those who may
publish (`articles.publish_article`) see or change front pages.
"""

from django import forms
from django.contrib import admin

from .. import frontpages, workflow
from ..models import FrontPage, FrontPageSlot


class SlotForm(forms.ModelForm):
    def validate_unique(self):
        # Checked across the submitted slots by the formset instead: the line-up
        # is replaced as a whole, so a swap of two positions clashes with
        # nothing in the database.
        pass


class SlotFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("article") and not form.cleaned_data.get("DELETE")
        ]
        room = self.instance.slot_count
        if len(kept) > room:
            raise forms.ValidationError(
                f"This page has room for {room} "
                f"{'story' if room == 1 else 'stories'}; remove one."
            )


class PublishersOnly:
    """Front pages belong to those who may publish, whatever their other permissions."""

    def has_view_permission(self, request, obj=None):
        return workflow.can_publish(request.user)

    has_change_permission = has_view_permission
    has_add_permission = has_view_permission
    has_delete_permission = has_view_permission

    def has_module_permission(self, request):
        return workflow.can_publish(request.user)


class SlotInline(PublishersOnly, admin.TabularInline):
    model = FrontPageSlot
    form = SlotForm
    formset = SlotFormSet
    fields = ["position", "article"]
    autocomplete_fields = ["article"]
    extra = 0

    def get_extra(self, request, obj=None, **kwargs):
        filled = obj.slots.count() if obj else 0
        room = obj.slot_count if obj else FrontPage().slot_count
        return max(room - filled, 0)

    def get_max_num(self, request, obj=None, **kwargs):
        return obj.slot_count if obj else FrontPage().slot_count


@admin.register(FrontPage)
class FrontPageAdmin(PublishersOnly, admin.ModelAdmin):
    list_display = ["__str__", "updated_at"]
    list_select_related = ["section"]
    fields = ["section"]
    inlines = [SlotInline]

    def get_readonly_fields(self, request, obj=None):
        # A page's line-up moves; which page it is does not.
        return ["section"] if obj else []

    def save_formset(self, request, form, formset, change):
        kept = sorted(
            (slot.cleaned_data["position"], n, slot.cleaned_data["article"])
            for n, slot in enumerate(formset.forms)
            if slot.cleaned_data.get("article") and not slot.cleaned_data.get("DELETE")
        )
        # Numbered 1, 2, 3… in the order the editor gave, gaps closed.
        slots = frontpages.replace_slots(form.instance, [story for *_, story in kept])
        # What the admin's own history message reads; the audit trail has the rest.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = (
            slots,
            [],
            [],
        )

    def save_related(self, request, form, formsets, change):
        before = frontpages.line_up(form.instance) if change else []
        super().save_related(request, form, formsets, change)
        frontpages.record_change(form.instance, by=request.user, before=before)
