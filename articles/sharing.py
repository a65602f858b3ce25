"""Plain share links: no third-party scripts, just addresses the networks accept."""

from dataclasses import dataclass
from urllib.parse import quote

from media.pictures import picture_of


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    url: str


def share_links(*, url: str, title: str) -> list[ShareLink]:
    """Return the share links for a page at absolute `url` with `title`."""
    # Each value quoted once, as `urlencode(…, quote_via=quote)` would.
    url_q, title_q = quote(url, safe=""), quote(title, safe="")
    return [
        ShareLink("x", "X", f"https://x.com/intent/post?url={url_q}&text={title_q}"),
        ShareLink(
            "facebook",
            "Facebook",
            f"https://www.facebook.com/sharer/sharer.php?u={url_q}",
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            f"https://www.linkedin.com/sharing/share-offsite/?url={url_q}",
        ),
        ShareLink(
            "whatsapp",
            "WhatsApp",
            f"https://wa.me/?text={quote(f'{title} {url}', safe='')}",
        ),
        ShareLink(
            "telegram", "Telegram", f"https://t.me/share/url?url={url_q}&text={title_q}"
        ),
        ShareLink("email", "Email", f"mailto:?subject={title_q}&body={url_q}"),
    ]


# The social rendition's width (media/renditions.py makes it 1200 × 630).
SOCIAL_WIDTH = 1200


def share_picture(article):
    """Return the hero image's 1200 × 630 social rendition (a `Picture`), or None.

    Never the original: the page metadata, the JSON-LD and the feeds all ask
    this function (through `share_image_url`, or for its size).
    """
    return picture_of(article.hero_image, "social", src_width=SOCIAL_WIDTH)


def share_image_url(article) -> str:
    """Return the address (site-relative) of the picture share cards show, or ""."""
    picture = share_picture(article)
    return picture.src if picture else ""
