"""How a view says "readers may share this page", and which objects it shows."""

SURROGATE_KEY_HEADER = "Surrogate-Key"
# Cloudflare and some others read this name instead.
CACHE_TAG_HEADER = "Cache-Tag"


def mark_cacheable(response, keys):
    """Let the page cache and CDNs keep `response`, tagged with `keys`.

    Only responses marked here are stored; anything else (admin pages,
    previews, errors) always renders.
    """
    keys = sorted(set(keys))
    response.page_cache_keys = keys
    response[SURROGATE_KEY_HEADER] = " ".join(keys)
    response[CACHE_TAG_HEADER] = ",".join(keys)
    return response
