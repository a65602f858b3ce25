"""Plain share links: no third-party scripts, just addresses the networks accept."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    url: str


def share_links(*, url: str, title: str) -> list[ShareLink]:
    """Return the share links for a page at absolute `url` with `title`."""

    def query(**params):
        return urlencode(params, quote_via=quote)

    return [
        ShareLink("x", "X", f"https://x.com/intent/post?{query(url=url, text=title)}"),
        ShareLink(
            "facebook",
            "Facebook",
            f"https://www.facebook.com/sharer/sharer.php?{query(u=url)}",
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            f"https://www.linkedin.com/sharing/share-offsite/?{query(url=url)}",
        ),
        ShareLink(
            "whatsapp", "WhatsApp", f"https://wa.me/?{query(text=f'{title} {url}')}"
        ),
        ShareLink(
            "telegram",
            "Telegram",
            f"https://t.me/share/url?{query(url=url, text=title)}",
        ),
        ShareLink("email", "Email", f"mailto:?{query(subject=title, body=url)}"),
    ]


def share_image_url(article) -> str:
    """Return the address (site-relative) of the picture share cards show, or "".

    The hero image's own file for now. When the media library's 1200 × 630
    share rendition lands, it replaces the hero here, and only here: the page
    metadata, the JSON-LD and the feeds all ask this function.
    """
    image = article.hero_image
    if image is None or not image.file:
        return ""
    return image.file.url
