from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from . import feeds, sitemaps, views

app_name = "articles"

# Each section, topic and author page has its feeds at <its address>feed/.
OWNER_FEEDS = [
    ("sections", "section", feeds.section, feeds.section_atom),
    ("tags", "tag", feeds.tag, feeds.tag_atom),
    ("authors", "author", feeds.author, feeds.author_atom),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("stories/<slug:slug>/", views.article_detail, name="detail"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("archive/", views.archive_index, name="archive"),
    path("archive/<int:year>/", views.archive, name="archive-year"),
    path("archive/<int:year>/<int:month>/", views.archive, name="archive-month"),
    path("search/", views.search_page, name="search"),
    path("about/", views.about, name="about"),
    path("preview/<str:token>/", views.preview_link, name="preview"),
    path("feed/", feeds.latest, name="feed"),
    path("feed/atom/", feeds.latest_atom, name="feed-atom"),
]
for prefix, name, rss, atom in OWNER_FEEDS:
    urlpatterns += [
        path(f"{prefix}/<slug:slug>/feed/", rss, name=f"{name}-feed"),
        path(f"{prefix}/<slug:slug>/feed/atom/", atom, name=f"{name}-feed-atom"),
    ]

# Outside the app's namespace: the sitemap views reverse these names as they are.
site_urlpatterns = [
    path(
        "sitemap.xml",
        sitemaps.cacheable(sitemap_views.index),
        {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.cacheable(sitemap_views.sitemap),
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap-section",
    ),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news-sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
]
