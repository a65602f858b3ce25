"""The editors' admin, one module per job; importing them registers each admin."""

from . import front, library, records, stories

__all__ = ["front", "library", "records", "stories"]
