"""The audit trail in the admin: read-only, for editors and administrators."""

from django.contrib import admin

from ..models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "article_title", "user", "reason"]
    list_filter = ["action"]
    list_select_related = ["user"]
    search_fields = ["article_title", "reason", "user__username"]
    date_hierarchy = "at"
    fields = ["at", "action", "article", "article_title", "user", "reason", "changes"]
    readonly_fields = fields

    # The trail is written by the workflow only: nobody adds, edits or deletes.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
