"""Newer/older paging that never counts the whole archive."""

from dataclasses import dataclass

from django.http import Http404


@dataclass
class Page:
    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_next or self.has_previous

    @property
    def next_page_number(self):
        return self.number + 1

    @property
    def previous_page_number(self):
        return self.number - 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def page_number_from(request, *, max_page=10_000):
    """Read `?page=`; anything but a whole number from 1 to `max_page` is a 404."""
    raw = request.GET.get("page", "1").strip() or "1"
    # ASCII digits only ("²" passes isdigit() but not int()), and short enough
    # that int() never hits Python's limit on digits (a ValueError, so a 500).
    if not (raw.isascii() and raw.isdigit() and len(raw) <= len(str(max_page))):
        raise Http404("There is no page with that number.")
    if not 1 <= int(raw) <= max_page:
        raise Http404("There is no page with that number.")
    return int(raw)


def paginate(rows, request, *, per_page):
    """Return one `Page` of `rows`, fetching a single extra row to see ahead.

    `rows` is a queryset, or a function of `start=` and `stop=` returning those
    rows (a prepared query). A `Paginator` would run COUNT(*) over every
    matching story on every request; readers only need to know whether an
    older page exists.
    """
    number = page_number_from(request)
    start = (number - 1) * per_page
    stop = start + per_page + 1
    found = rows(start=start, stop=stop) if callable(rows) else list(rows[start:stop])
    if number > 1 and not found:
        raise Http404("There is no page with that number.")
    return Page(
        object_list=found[:per_page], number=number, has_next=len(found) > per_page
    )
