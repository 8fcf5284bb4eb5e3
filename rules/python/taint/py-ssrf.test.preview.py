import requests
from django.http import JsonResponse


def link_preview(request):
    url = request.GET.get("url", "")
    # ruleid: py-ssrf
    resp = requests.get(url, timeout=5, headers={"User-Agent": "Preview/1.0"})
    return JsonResponse({"url": url, "length": len(resp.text)})


def supplier_prices(request):
    # ok: py-ssrf
    resp = requests.get("https://api.supplier.example/v2/prices", timeout=10)
    return JsonResponse(resp.json())
