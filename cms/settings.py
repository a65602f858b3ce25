"""Byline settings: everything a deployment changes is read from the environment."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
# The default SQLite file and uploads live here; git ignores it.
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
# An optional .env file beside manage.py; real environment variables win.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# ---------------------------------------------------------------- core
DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "The SECRET_KEY environment variable is not set. Set SECRET_KEY to a "
            "long random string (or set DEBUG=true for local development only)."
        )
    SECRET_KEY = "insecure-local-development-key-never-use-in-production"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Only for its templates: sitemaps need no tables (and no sites framework).
    "django.contrib.sitemaps",
    "taggit",
    "django_prose_editor",
    "reversion",
    "media",
    "articles",
]
# The demo newsroom (`seed_demo`, `ensure_demo_admin`): on for local runs, tests
# and benchmarks; a production site sets DEMO_APP=false and loses nothing else.
DEMO_APP = env.bool("DEMO_APP", default=True)
if DEMO_APP:
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    # First, so a cached page goes out before sessions, users or CSRF are touched.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

# ------------------------------------------------------------ database
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'byline.sqlite3'}")
}
# Reusing connections saves ~7 ms a request on PostgreSQL; health checks drop
# a connection the server closed instead of failing the request.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work side by side under gunicorn workers.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --------------------------------------------------------------- cache
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://byline")}
# Several sites (or test runs) sharing one Redis keep apart by prefix.
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="")

# ----------------------------------------------------------- page cache
# Anonymous readers get whole pages from CACHES["default"]; any change made
# through the admin or the workflow makes every cached page stale at once.
# PAGE_CACHE=off renders every request (benchmarks of the render path).
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
# With the local-memory cache (one per process) the shared "generation" is this
# file's modification time; with Redis it lives in Redis, for every app server.
PAGE_CACHE_GENERATION_FILE = VAR_DIR / "page-cache.generation"
# No page outlives the next scheduled go-live or expiry.
PAGE_CACHE_NEXT_CHANGE = "articles.cache.next_visibility_change"
# Seconds a page stays valid with no change reported (shell or import edits).
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=600)
# Seconds a CDN may keep a page (s-maxage); browsers always revalidate by ETag.
PAGE_CACHE_SHARED_MAX_AGE = env.int("PAGE_CACHE_SHARED_MAX_AGE", default=60)
# A dotted path to a function called with the surrogate keys that changed, to
# purge a CDN; off by default.
PAGE_CACHE_PURGE = env.str("PAGE_CACHE_PURGE", default="")

# ---------------------------------------------------------------- auth
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# -------------------------------------------------------- time and i18n
LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
FORMAT_MODULE_PATH = ["cms.formats"]
USE_TZ = True

# ------------------------------------------------------- static, media
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Media is served by Django only when asked (local runs, benchmarks); production
# puts a web server or object storage in front of MEDIA_ROOT.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Largest image an editor may upload, in bytes.
IMAGE_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_SIZE", default=10 * 1024 * 1024)

# ------------------------------------------------------------ security
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# ------------------------------------------------------------- site
SITE_NAME = env.str("SITE_NAME", default="Byline")
SITE_TAGLINE = env.str(
    "SITE_TAGLINE", default="Security and counter-terrorism news and analysis"
)
ARTICLES_PER_PAGE = env.int("ARTICLES_PER_PAGE", default=12)

TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "articles.topics.parse_topics"
TAGGIT_STRING_FROM_TAGS = "articles.topics.topics_to_text"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
