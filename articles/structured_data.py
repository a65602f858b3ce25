"""schema.org data about pages, for their JSON-LD: stories, breadcrumbs, the site.

Plain dictionaries; the `json_ld` template filter writes them out, escaped so
that nothing in a headline can end the script element.
"""

from django.utils import timezone


def iso(moment):
    """Return `moment` as ISO 8601 in the site's time zone, to the whole second."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def corrections_schema(corrections):
    """Return a story's corrections as schema.org `CorrectionComment`s."""
    return [
        {
            "@type": "CorrectionComment",
            "text": f"{note.get_kind_display()}: {note.text}",
            "datePublished": iso(note.created_at),
        }
        for note in corrections
    ]


def date_modified(article):
    """When readers were last told the story changed: its "Updated" time, else publication."""
    return article.revised_at if article.was_updated else article.publish_at


def news_article_schema(
    article, *, url, byline, tags, image_url, publisher, absolute, corrections
):
    """Return the story as a schema.org `NewsArticle`.

    `absolute(path)` makes a site path a full address; `publisher` is the
    site's `Organization`; `corrections` are the story's correction comments
    (left out when there are none).
    """
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline_for_sharing,
        "description": article.summary_for_sharing,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in tags],
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute(author.get_absolute_url()),
            }
            for author in byline
        ],
        "publisher": publisher,
    }
    if image_url:
        data["image"] = [image_url]
    if article.publish_at:
        data["datePublished"] = iso(article.publish_at)
        data["dateModified"] = iso(date_modified(article))
    if corrections:
        data["correction"] = corrections
    return data


def publisher_schema(*, name, url, logo_url):
    return {
        "@type": "Organization",
        "name": name,
        "url": url,
        "logo": {"@type": "ImageObject", "url": logo_url},
    }


def breadcrumbs_schema(crumbs):
    """Return a `BreadcrumbList` of (name, absolute URL) pairs, outermost first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": url}
            for number, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def website_schema(*, name, url, search_url):
    """Return the site as a schema.org `WebSite`, with its search box."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "url": url,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url},
            "query-input": "required name=search_term_string",
        },
    }
