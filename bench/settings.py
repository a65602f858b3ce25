"""Byline's own settings, with the benchmark floor's URL added."""

from cms.settings import *  # noqa: F403
from cms.settings import VAR_DIR

ROOT_URLCONF = "bench.urls"
# The harness's own generation counter (local-memory page cache), so a change
# made on the development server cannot make the measured pages stale.
PAGE_CACHE_GENERATION_FILE = VAR_DIR / "bench" / "page-cache.generation"
