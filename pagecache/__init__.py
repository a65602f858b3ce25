"""A page cache for anonymous readers that is never stale.

Pages are kept whole (bytes and headers) in Django's cache, under a key that
holds the request's path and page number only. Every stored page remembers the
site's *generation* when it was rendered and the moment it stops being valid
(the next scheduled go-live or expiry of any story). A change to anything a
reader page shows bumps the generation (`content_changed()`), so every page
rendered before it is stale at once, on every app server that shares the
counter. A hit touches no session, user, ORM or template.

`pagecache` sits below the apps (it imports none of them), so `media` and
`articles` can both report changes.
"""

from .generation import content_changed, current_generation
from .headers import mark_cacheable

__all__ = ["content_changed", "current_generation", "mark_cacheable"]
