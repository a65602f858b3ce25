"""schema.org data about a story, for the page's JSON-LD.

The metadata issue renders `NewsArticle`; corrections already have their shape
here so it only has to include `correction=corrections_schema(article)`.
"""

from django.utils import timezone


def corrections_schema(article):
    """Return the story's corrections as schema.org `CorrectionComment`s."""
    return [
        {
            "@type": "CorrectionComment",
            "text": f"{note.get_kind_display()}: {note.text}",
            "datePublished": timezone.localtime(note.created_at)
            .replace(microsecond=0)
            .isoformat(),
        }
        for note in article.corrections.all()
    ]
