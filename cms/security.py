"""Security pieces the settings name: a response header, the client's address, a lockout page."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


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
