"""Byline settings: everything a deployment changes is read from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
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
    "axes",
    "media",
    "articles",
]
# The demo newsroom (`seed_demo`, `ensure_demo_admin`): on for local runs, tests
# and benchmarks; a production site sets DEMO_APP=false and loses nothing else.
DEMO_APP = env.bool("DEMO_APP", default=True)
if DEMO_APP:
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    # Outermost, so a stored page keeps every header the layers below add
    # (security, CSP). It never answers a plain-HTTP request that the security
    # middleware would redirect, nor health checks, which are never stored.
    # (Hits usually never reach Django: cms/wsgi.py answers them first.)
    "pagecache.middleware.PageCacheMiddleware",
    # Security headers go on every response: pages, static files, health checks.
    "django.middleware.security.SecurityMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "cms.security.PermissionsPolicyMiddleware",
    # Health checks answer before host validation, sessions and the page cache.
    "cms.health.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Login throttling: answers a locked-out sign-in; axes asks to come last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    # Reader pages: Jinja2, which renders them several times faster than Django's
    # engine (bench/analysis.md, finding 17). Only templates/jinja2/ is its.
    {
        # Django's own Jinja2 backend, each render reading the request's time
        # zone, language and script prefix once (articles/rendering.py).
        "BACKEND": "articles.templating.ReaderJinja2",
        "NAME": "jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "articles.templating.environment",
            "context_processors": ["articles.context_processors.site"],
        },
    },
    # The admin, feeds and sitemaps, and pages that must render with nothing
    # else working (500, 503).
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails a request (and /readyz) in seconds, not minutes;
    # `?connect_timeout=N` in DATABASE_URL overrides it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, converting each query text's placeholders once.
    DATABASES["default"]["ENGINE"] = "cms.backends.sqlite3"
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
# Every account is newsroom staff, so the password policy is the staff policy:
# long (PASSWORD_MIN_LENGTH, 12 by default), not a known common password, not
# all digits, not close to the user's name or e-mail address.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("PASSWORD_MIN_LENGTH", default=12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# The admin's address; a less guessable one keeps scanners' noise out of the logs.
ADMIN_PATH = env.str("ADMIN_PATH", default="admin").strip("/") + "/"
if ADMIN_PATH == "/":
    raise ImproperlyConfigured("ADMIN_PATH must not be empty (the default is admin).")

# ------------------------------------------------------ login throttling
# django-axes counts failed sign-ins per (user name, client address) pair in the
# database, which every app server shares. Past the limit that pair is refused,
# even with the right password, until the cool-off ends or an administrator
# deletes the attempt under "Axes › Access attempts". Other addresses are not
# affected, so an attacker cannot lock an editor out of the newsroom.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
# Minutes a locked pair stays locked; 0 keeps it locked until unlocked in the admin.
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=30)
AXES_COOLOFF_TIME = (
    timedelta(minutes=LOGIN_LOCKOUT_MINUTES) if LOGIN_LOCKOUT_MINUTES else None
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.security.locked_out"
AXES_CLIENT_IP_CALLABLE = "cms.security.client_ip"
# How many proxies in front of the app servers append to X-Forwarded-For (a load
# balancer: 1; a CDN and a load balancer: 2). 0 trusts only the direct peer, so a
# client cannot choose its own address; behind a proxy, set it, or every reader
# shares the proxy's address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

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
# Most pixels (width × height) an upload may have: a small file can declare a
# picture that takes gigabytes to decode. 50 million covers a 45-megapixel camera.
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=50_000_000)

# ------------------------------------------------------------ security
# The defaults are the production ones (docs/deploy.md). `make run` (DEBUG) and
# `make serve` (plain HTTP on 127.0.0.1) relax only what plain HTTP needs.
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe app servers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# HSTS starts at one hour, so a first deployment that turns out to need plain
# HTTP somewhere recovers within the hour; raise it once HTTPS is settled.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Asking browsers to preload HSTS is a one-way commitment the site's owner makes
# by choice (with a max-age of a year or more); not making it is no defect.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Features no page of ours uses, refused to any script or frame (cms/security.py).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
}

# ------------------------------------------------------------ proxies
# The common setup: a TLS-terminating load balancer that sets X-Forwarded-Proto
# and keeps the Host header. Name another header, or none (empty) when nothing
# in front of the app servers overwrites it.
_proxy_ssl_header = env.str("SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")
    if _proxy_ssl_header
    else None
)
# Only for a proxy that rewrites Host and passes the original in X-Forwarded-Host.
USE_X_FORWARDED_HOST = env.bool("USE_X_FORWARDED_HOST", default=False)

# ----------------------------------------------- content security policy
# Scripts and styles come from our own origin only. The one inline script, the
# rich-text editor's import map in the admin, carries a per-request nonce
# (ArticleAdmin.render_change_form). Two inline styles are allowed by their
# hashes: the stand-alone 500 page's, and the base rules the editor (Tiptap, in
# django-prose-editor) adds to the page, without which it mishandles spaces.
# tests/cms/test_security.py recomputes both from the files.
SERVER_ERROR_STYLE_HASH = "'sha256-EqygQB3mMHFFZcKQoELiUxWzHItvlIlK09WktU1+Azs='"
PROSE_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
# Origins that serve uploaded images when media is on object storage or a CDN.
CSP_MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, SERVER_ERROR_STYLE_HASH, PROSE_EDITOR_STYLE_HASH],
        "img-src": [SELF, "data:", *CSP_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        **(
            {"report-uri": [env.str("CSP_REPORT_URI")]}
            if env.str("CSP_REPORT_URI", default="")
            else {}
        ),
    }
}

# ------------------------------------------------------- request limits
# Largest request body Django reads into memory, file uploads excluded; a story's
# body is a few hundred kilobytes at most. Uploads bigger than
# FILE_UPLOAD_MAX_MEMORY_SIZE stream to a temporary file instead of memory. The
# proxy in front caps the whole body (docs/deploy.md: client_max_body_size).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int(
    "DATA_UPLOAD_MAX_MEMORY_SIZE", default=2 * 1024 * 1024
)
FILE_UPLOAD_MAX_MEMORY_SIZE = env.int(
    "FILE_UPLOAD_MAX_MEMORY_SIZE", default=2 * 1024 * 1024
)

# ------------------------------------------------------------- site
SITE_NAME = env.str("SITE_NAME", default="Byline")
SITE_TAGLINE = env.str(
    "SITE_TAGLINE", default="Security and counter-terrorism news and analysis"
)
ARTICLES_PER_PAGE = env.int("ARTICLES_PER_PAGE", default=12)

TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "articles.topics.parse_topics"
TAGGIT_STRING_FROM_TAGS = "articles.topics.topics_to_text"

# ------------------------------------------------------------- logging
# LOG_FORMAT=json writes one JSON object a line (cms/logs.py): Django's request
# errors with method, path and status, and gunicorn's access log
# (cms/gunicorn_conf.py) in the same shape.
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "cms.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
