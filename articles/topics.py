"""Topic lists as editors type them: comma-separated, in their order, as written.

taggit's own parser sorts the names and splits a comma-free list on spaces, so
"Border security" became two topics and every list came back alphabetical and
quoted. These two functions replace it (TAGGIT_TAGS_FROM_STRING and
TAGGIT_STRING_FROM_TAGS in settings).
"""

import csv


def parse_topics(text: str) -> list[str]:
    """Return the topic names in `text`, in order, each once (case-insensitive).

    Names are separated by commas; a name that itself holds a comma is written
    in double quotes.
    """
    if not text:
        return []
    row = next(csv.reader([text], skipinitialspace=True), [])
    names, seen = [], set()
    for raw in row:
        name = " ".join(raw.replace('"', "").split())
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def topics_to_text(tags) -> str:
    """Return `tags` (names or Tag objects) as an editor would type them."""
    names = [getattr(tag, "name", tag) for tag in tags]
    return ", ".join(f'"{name}"' if "," in name else name for name in names)
