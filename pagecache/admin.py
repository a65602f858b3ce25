"""An admin mixin for models reader pages show (sections, authors, topics, images)."""

from .generation import content_changed


def key_for(obj):
    return f"{obj._meta.model_name}-{obj.pk}"


class RefreshesReaderPages:
    """Mark cached reader pages stale whenever the admin saves or deletes one."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        content_changed(key_for(obj))

    def delete_model(self, request, obj):
        key = key_for(obj)
        super().delete_model(request, obj)
        content_changed(key)

    def delete_queryset(self, request, queryset):
        keys = [key_for(obj) for obj in queryset]
        super().delete_queryset(request, queryset)
        content_changed(*keys)
