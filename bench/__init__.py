"""Benchmark harness for Byline's reader pages; run it with `make bench`."""
