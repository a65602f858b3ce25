"""Byline's own settings, with the benchmark floor's URL added."""

from cms.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
