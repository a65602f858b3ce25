"""Where an image is used: every row of any model that points to it.

Found through Django's model metadata, so the library needs to know nothing of
stories (or of author photos, when they come): whatever holds a foreign key to
`Image` is listed.
"""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Use:
    label: str
    obj: object
    admin_url: str | None


def _relations(model):
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created
        and not field.concrete
        and (field.one_to_many or field.one_to_one)
    ]


def uses_of(image, *, limit=None):
    """Return the rows that point to `image`, as `Use`s, in a query per relation."""
    found = []
    for relation in _relations(type(image)):
        model = relation.related_model
        rows = model._base_manager.filter(**{relation.field.name: image}).order_by("pk")
        for obj in rows[:limit] if limit else rows:
            found.append(
                Use(
                    label=model._meta.verbose_name,
                    obj=obj,
                    admin_url=_admin_url(obj),
                )
            )
    return found


def use_count(model):
    """Return an expression counting the rows that point to each `model` row."""
    total = Value(0, output_field=IntegerField())
    for relation in _relations(model):
        related = relation.related_model
        counted = (
            related._base_manager.filter(**{relation.field.name: OuterRef("pk")})
            .order_by()
            .values(relation.field.name)
            .annotate(count=Count("pk"))
            .values("count")
        )
        total = total + Coalesce(Subquery(counted), 0, output_field=IntegerField())
    return total


def _admin_url(obj):
    meta = obj._meta
    try:
        return reverse(
            f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]
        )
    except NoReverseMatch:
        return None
