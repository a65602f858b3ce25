"""The editors' admin, one module per job; importing them registers each admin."""

from . import library, records, stories

__all__ = ["library", "records", "stories"]
