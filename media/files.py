"""Where originals are kept, and how files leave storage once nothing points to them."""

import logging
import secrets
from pathlib import PurePosixPath

from django.db import transaction

logger = logging.getLogger(__name__)

FOLDER = "originals"


def original_path(instance, filename):
    """Return a random name for an original; only the extension (ours) is kept.

    The uploader's file name never reaches storage or a URL: it can say who
    took the picture, where, or what the story is before it runs.
    """
    token = secrets.token_hex(16)
    extension = PurePosixPath(filename).suffix.lower()
    return f"{FOLDER}/{token[:2]}/{token}{extension}"


def delete_files(storage, names):
    """Delete `names` from `storage` now; a file already gone is not an error."""
    for name in sorted(name for name in names if name):
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Could not delete %s", name)


def delete_files_on_commit(storage, names):
    """Delete `names` once the current transaction commits, and never if it rolls back.

    A rolled-back replacement or deletion leaves the row pointing at the old
    files, so they must still be there.
    """
    names = {name for name in names if name}
    if names:
        transaction.on_commit(lambda: delete_files(storage, names))
