"""RSS 2.0 and Atom feeds: the site's newest stories, and each section's, topic's
and author's, with full content, bylines, topics and the hero image."""

from copy import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from pagecache import mark_cacheable

from .models import Article, Author, Section, Tag
from .sharing import share_image_url, share_picture
from .structured_data import date_modified

FEED_SIZE = 20
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"


def add_media(handler, item):
    """Write the story's picture as a Media RSS element, with its alt text and credit."""
    image = item.get("image")
    if not image:
        return
    handler.startElement("media:content", image["attributes"])
    if image["description"]:
        handler.addQuickElement("media:description", image["description"])
    if image["credit"]:
        handler.addQuickElement("media:credit", image["credit"])
    handler.endElement("media:content")


class StoryRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])
        add_media(handler, item)


class StoryAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})
        add_media(handler, item)


class LatestStories(Feed):
    """The site's newest public stories. Subclasses narrow them to one owner."""

    feed_type = StoryRssFeed
    # With `empty_404`, an owner with no public stories has no feed, as it has no page.
    empty_404 = None

    def __call__(self, request, *args, **kwargs):
        # One copy per request: enclosures need the request's domain, and the
        # instance in the URLconf is shared by every thread.
        feed = copy(self)
        feed.request = request
        feed.cache_keys = {"home"}
        return mark_cacheable(
            Feed.__call__(feed, request, *args, **kwargs), feed.cache_keys
        )

    def get_object(self, request, slug=None):
        return None

    def title(self, owner):
        return f"{settings.SITE_NAME}: {self.name(owner)}"

    def name(self, owner):
        return "latest stories"

    def link(self, owner):
        return owner.get_absolute_url() if owner else "/"

    def description(self, owner):
        return settings.SITE_TAGLINE

    def subtitle(self, owner):
        return self.description(owner)

    def stories(self, owner):
        return Article.objects.published()

    def items(self, owner):
        stories = list(
            self.stories(owner)
            .with_listing_data()
            .with_topics()
            .newest_first()[:FEED_SIZE]
        )
        if self.empty_404 and not stories:
            raise Http404(self.empty_404)
        return stories

    # ------------------------------------------------------------ items

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary_for_sharing

    def item_author_name(self, article):
        names = [author.name for author in article.byline_authors]
        if not names:
            return None
        return (
            names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        )

    def item_author_link(self, article):
        authors = article.byline_authors
        return self.request.build_absolute_uri(authors[0].get_absolute_url())

    def item_pubdate(self, article):
        return article.publish_at

    def item_updateddate(self, article):
        return date_modified(article)

    def item_categories(self, article):
        return [article.section.name, *(tag.name for tag in article.topics)]

    def item_enclosure_url(self, article):
        image = share_image_url(article)
        return self.request.build_absolute_uri(image) if image else None

    def item_enclosure_length(self, article):
        # Unknown without reading storage on every feed request; RSS readers
        # accept 0 for a length they are not told.
        return 0

    def item_enclosure_mime_type(self, article):
        # The social rendition's `src` is always its JPEG.
        return "image/jpeg"

    def item_extra_kwargs(self, article):
        # The body is sanitised against our allow-list on every save.
        extra = {"content": article.body}
        picture = share_picture(article)
        if picture:
            hero = article.hero_image
            attributes = {
                "url": self.request.build_absolute_uri(picture.src),
                "medium": "image",
                "type": self.item_enclosure_mime_type(article),
                "width": str(picture.width),
                "height": str(picture.height),
            }
            extra["image"] = {
                "attributes": attributes,
                "description": hero.alt_text,
                "credit": hero.credit,
            }
        return extra


class OwnerStories(LatestStories):
    """The newest public stories of one section, topic or author (`model`, `lookup`)."""

    model = None
    lookup = None

    def get_object(self, request, slug=None):
        owner = get_object_or_404(self.model, slug=slug)
        self.cache_keys.add(f"{self.model._meta.model_name}-{owner.pk}")
        return owner

    def name(self, owner):
        return owner.name

    def description(self, owner):
        return getattr(owner, "description", "") or f"The newest stories: {owner.name}."

    def stories(self, owner):
        return Article.objects.published().filter(**{self.lookup: owner})


class SectionStories(OwnerStories):
    model = Section
    lookup = "section"


class TagStories(OwnerStories):
    model = Tag
    lookup = "tagged_items__tag"
    empty_404 = "No published stories carry this tag."

    def name(self, owner):
        return f"stories about {owner.name}"


class AuthorStories(OwnerStories):
    model = Author
    lookup = "article_authors__author"
    empty_404 = "No published stories carry this byline."

    def name(self, owner):
        return f"stories by {owner.name}"


def atom(feed_class):
    """Return the Atom twin of an RSS feed class."""
    return type(
        f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": StoryAtomFeed}
    )


latest = LatestStories()
latest_atom = atom(LatestStories)()
section = SectionStories()
section_atom = atom(SectionStories)()
tag = TagStories()
tag_atom = atom(TagStories)()
author = AuthorStories()
author_atom = atom(AuthorStories)()
