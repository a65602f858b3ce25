"""gunicorn's settings for `make serve` and production.

    gunicorn -c cms/gunicorn_conf.py cms.wsgi

Everything a deployment changes comes from the environment, like Django's
settings: BIND, WEB_CONCURRENCY, GUNICORN_TIMEOUT, FORWARDED_ALLOW_IPS and
LOG_FORMAT. Command-line options (`make serve` passes --bind) win over these.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Sync workers, the usual two per core plus one: pages are short database-bound
# requests, and a spare worker covers one that is waiting on the database.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# A request still running after this many seconds is stuck: the worker is
# replaced. Uploads stream through the proxy in front, so 30 s is generous.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, staggered, so slow leaks never build up.
max_requests = 1000
max_requests_jitter = 100
# Load the application once in the master: a configuration error (a missing
# SECRET_KEY, static files not collected) stops start-up with its message
# instead of leaving workers failing to boot in a loop.
preload_app = True
# Heartbeat files on a memory file system, where there is one (containers).
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"
# Proxies allowed to set the scheme gunicorn reports; Django decides for itself
# through SECURE_PROXY_SSL_HEADER.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%({x-forwarded-for}i)s" "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"'
if os.environ.get("LOG_FORMAT", "text") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "cms.logs.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "loggers": {
            "gunicorn.error": {
                "level": "INFO",
                "handlers": ["console"],
                "propagate": False,
            },
            "gunicorn.access": {
                "level": "INFO",
                "handlers": ["console"],
                "propagate": False,
            },
        },
    }
