"""Which web addresses a story may link readers to."""

from django.core.validators import URLValidator
from django.db.models import Q

# Anything else (javascript:, data:, vbscript:, file:…) could run or fetch
# something in the reader's browser when clicked.
WEB_SCHEMES = ("http", "https")

validate_web_address = URLValidator(
    schemes=WEB_SCHEMES,
    message="Enter a full web address starting with http:// or https://.",
)


def normalise_scheme(url: str) -> str:
    """Return `url` with surrounding space removed and its scheme in lower case."""
    url = (url or "").strip()
    scheme, sep, rest = url.partition("://")
    return f"{scheme.lower()}{sep}{rest}" if sep else url


def web_address_q(field: str) -> Q:
    """Return the condition for `field` holding an http or https address."""
    return Q(
        *(Q(**{f"{field}__istartswith": f"{scheme}://"}) for scheme in WEB_SCHEMES),
        _connector=Q.OR,
    )
