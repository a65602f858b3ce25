"""What every reader page says about itself in <head>: title, description,
canonical address, OpenGraph and Twitter cards, feeds, and JSON-LD."""

from dataclasses import dataclass, field

from django.conf import settings

from .paths import absolute_addresses, fixed_address, static
from .sharing import share_picture
from .structured_data import (
    breadcrumbs_schema,
    corrections_schema,
    date_modified,
    iso,
    news_article_schema,
    publisher_schema,
    website_schema,
)

LOGO = "img/logo.png"


@dataclass(frozen=True)
class FeedLink:
    title: str
    rss: str
    atom: str


@dataclass(frozen=True)
class StoryFacts:
    """OpenGraph's `article:*` properties."""

    published: str
    modified: str
    section: str
    tags: list
    authors: list


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    canonical: str
    share_title: str
    kind: str = "website"
    image: str = ""
    image_width: int | None = None
    image_height: int | None = None
    image_alt: str = ""
    noindex: bool = False
    feeds: tuple = ()
    structured_data: list = field(default_factory=list)
    story: StoryFacts | None = None

    @property
    def site_name(self):
        return settings.SITE_NAME


def site_feed():
    return FeedLink(
        title=f"{settings.SITE_NAME}: latest stories",
        rss=fixed_address("articles:feed"),
        atom=fixed_address("articles:feed-atom"),
    )


def feed_links(owner, title):
    """Return the feeds of a section, topic or author page."""
    path = owner.get_absolute_url()
    return FeedLink(
        title=f"{settings.SITE_NAME}: {title}",
        rss=f"{path}feed/",
        atom=f"{path}feed/atom/",
    )


def canonical_path(path, page_number=1):
    """A list's first page is its plain address; later pages keep their number."""
    return path if page_number == 1 else f"{path}?page={page_number}"


def titled(name, page_number=1):
    """Return a page's <title>: its name, its page number, then the site."""
    if page_number > 1:
        name = f"{name}, page {page_number}"
    return f"{name} · {settings.SITE_NAME}"


def home_crumb(absolute):
    return ("Home", absolute(fixed_address("articles:home")))


def listing_meta(
    request,
    *,
    name,
    description,
    path,
    page_number=1,
    crumbs=(),
    feeds=(),
    noindex=False,
):
    """Return the metadata of a list page (section, topic, author, archive, search).

    `crumbs` are (name, path) pairs between the home page and this page.
    """
    absolute = absolute_addresses(request)
    canonical = absolute(canonical_path(path, page_number))
    trail = [
        home_crumb(absolute),
        *((crumb, absolute(url)) for crumb, url in crumbs),
        (name, absolute(path)),
    ]
    return PageMeta(
        title=titled(name, page_number),
        description=description,
        canonical=canonical,
        share_title=name,
        noindex=noindex,
        feeds=tuple(feeds),
        structured_data=[breadcrumbs_schema(trail)],
    )


def home_meta(request, *, page_number=1):
    absolute = absolute_addresses(request)
    home = absolute(fixed_address("articles:home"))
    search = absolute(fixed_address("articles:search"))
    name = settings.SITE_NAME
    return PageMeta(
        title=f"{name}: {settings.SITE_TAGLINE}"
        if page_number == 1
        else titled("Latest stories", page_number),
        description=settings.SITE_TAGLINE,
        canonical=absolute(canonical_path("/", page_number)),
        share_title=name,
        structured_data=[
            website_schema(
                name=name, url=home, search_url=f"{search}?q={{search_term_string}}"
            )
        ],
    )


def story_meta(request, article, *, byline, tags, corrections, is_preview=False):
    """Return a story page's metadata: cards, NewsArticle and BreadcrumbList."""
    absolute = absolute_addresses(request)
    url = absolute(article.get_absolute_url())
    picture = share_picture(article)
    image_url = absolute(picture.src) if picture else ""
    section_url = absolute(article.section.get_absolute_url())
    home = home_crumb(absolute)
    publisher = publisher_schema(
        name=settings.SITE_NAME, url=home[1], logo_url=absolute(static(LOGO))
    )
    structured_data = [
        news_article_schema(
            article,
            url=url,
            byline=byline,
            tags=tags,
            image_url=image_url,
            publisher=publisher,
            absolute=absolute,
            corrections=corrections_schema(corrections),
        ),
        breadcrumbs_schema(
            [home, (article.section.name, section_url), (article.title, url)]
        ),
    ]
    story = None
    if article.publish_at:
        story = StoryFacts(
            published=iso(article.publish_at),
            modified=iso(date_modified(article)),
            section=article.section.name,
            tags=[tag.name for tag in tags],
            authors=[absolute(author.get_absolute_url()) for author in byline],
        )
    return PageMeta(
        title=titled(article.headline_for_sharing),
        description=article.summary_for_sharing,
        canonical=url,
        share_title=article.headline_for_sharing,
        kind="article",
        image=image_url,
        image_width=picture.width if picture else None,
        image_height=picture.height if picture else None,
        image_alt=article.hero_image.alt_text if picture else "",
        noindex=is_preview,
        structured_data=structured_data,
        story=story,
    )
