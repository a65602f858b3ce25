"""Security pieces the settings name: a response header, the client's address, a lockout page."""

import http
from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib import admin
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.shortcuts import render

# What a view may set on a response to change its policy (django-csp's decorators).
_POLICY_OF_ITS_OWN = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)


@cache
def site_policy(report_only):
    """The policy the settings give, as django-csp writes it."""
    return build_policy(report_only=report_only)


@receiver(setting_changed)
def _forget_site_policy(*, setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        site_policy.cache_clear()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, building the site's policy once, not per response.

    django-csp builds the header from the settings for every response, an
    eighth of a small page's time on the server (bench/analysis.md, finding
    21). A response that asks for nothing of its own (no decorator's policy,
    no nonce used) is sent the policy built once; any other is built by
    django-csp as before.
    """

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            hasattr(response, name) for name in _POLICY_OF_ITS_OWN
        ):
            return super().process_response(request, response)
        debug_page = response.status_code in (
            http.HTTPStatus.INTERNAL_SERVER_ERROR,
            http.HTTPStatus.NOT_FOUND,
        )
        if debug_page and settings.DEBUG:
            return response
        for header, setting, exempt, report_only in (
            (HEADER, "CONTENT_SECURITY_POLICY", "_csp_exempt", False),
            (
                HEADER_REPORT_ONLY,
                "CONTENT_SECURITY_POLICY_REPORT_ONLY",
                "_csp_exempt_ro",
                True,
            ),
        ):
            policy = site_policy(report_only)
            prefixes = (getattr(settings, setting, None) or {}).get(
                "EXCLUDE_URL_PREFIXES"
            ) or ()
            if (
                policy
                and header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(tuple(prefixes))
            ):
                response[header] = policy
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


class PermissionsPolicyMiddleware:
    """Send `Permissions-Policy`, refusing the browser features in PERMISSIONS_POLICY."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


def client_ip(request):
    """Return the address of the client, seen through TRUSTED_PROXY_COUNT proxies.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so the client's own address is the one that many places
    from the end; anything before it was written by the client and is ignored.
    """
    peer = request.META.get("REMOTE_ADDR")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return peer
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < hops:
        # Fewer hops than configured: the request did not come through them all.
        return forwarded[0] if forwarded else peer
    return forwarded[-hops]


def locked_out(request, original_response=None, credentials=None):
    """Answer a sign-in refused by django-axes: 429, saying why and what to do."""
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    # Rendered here: django-axes hands this back from its middleware, after the view.
    return render(
        request,
        "registration/locked_out.html",
        {
            **admin.site.each_context(request),
            "title": "Too many failed sign-ins",
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "lockout_minutes": minutes,
        },
        status=429,
    )
