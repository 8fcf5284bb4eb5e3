import requests
import urllib.parse
from django.http import JsonResponse


# Hosts this code may send requests to, compared exactly: add the ones it needs, in lower
# case (e.g. "api.example.com"). A URL to any other host, or not http(s), is refused.
ALLOWED_HOSTS = set()


def allowed_url(url):
    """Returns url if it is http(s) to a host in ALLOWED_HOSTS; raises ValueError otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in ALLOWED_HOSTS:
        raise ValueError(f"host not allowed: {parts.hostname}")
    return parts.geturl()


def link_preview(request):
    url = request.GET.get("url", "")
    # ruleid: py-ssrf
    resp = requests.get(allowed_url(url), timeout=5, headers={"User-Agent": "Preview/1.0"})
    return JsonResponse({"url": url, "length": len(resp.text)})


def supplier_prices(request):
    # ok: py-ssrf
    resp = requests.get("https://api.supplier.example/v2/prices", timeout=10)
    return JsonResponse(resp.json())
