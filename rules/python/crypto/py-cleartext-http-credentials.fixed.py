import requests
import httpx


def fetch_items(token, user, password):
    # ruleid: py-cleartext-http-credentials
    requests.get("https://api.example.com/v1/items", headers={"Authorization": f"Bearer {token}"})
    # ruleid: py-cleartext-http-credentials
    requests.post(f"https://{HOST}/login", auth=(user, password))
    # ruleid: py-cleartext-http-credentials
    httpx.post("https://billing.example.com/charge", json={"api_key": API_KEY, "amount": 10})
    # ok: py-cleartext-http-credentials
    requests.get("https://api.example.com/v1/items", headers={"Authorization": f"Bearer {token}"})
    # ok: py-cleartext-http-credentials
    requests.get("http://localhost:8000/v1/items", headers={"Authorization": f"Bearer {token}"})
    # ok: py-cleartext-http-credentials
    requests.get("http://example.com/feed.xml", headers={"User-Agent": "bot"})
    # ok: py-cleartext-http-credentials
    requests.get(url, auth=(user, password))
