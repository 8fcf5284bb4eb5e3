import aiohttp
import httpx
import urllib.parse
import urllib3
from flask import Flask, request


# Hosts this code may send requests to, compared exactly: add the ones it needs, in lower
# case (e.g. "api.example.com"). A URL to any other host, or not http(s), is refused.
ALLOWED_HOSTS = set()


def allowed_url(url):
    """Returns url if it is http(s) to a host in ALLOWED_HOSTS; raises ValueError otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in ALLOWED_HOSTS:
        raise ValueError(f"host not allowed: {parts.hostname}")
    return parts.geturl()


app = Flask(__name__)
pool = urllib3.PoolManager()


@app.get("/proxy")
async def proxy():
    target = request.args["target"]
    async with aiohttp.ClientSession() as session:
        # ruleid: py-ssrf
        async with session.get(allowed_url(target)) as resp:
            text = await resp.text()
    async with httpx.AsyncClient(timeout=5) as client:
        # ruleid: py-ssrf
        answer = await client.get(allowed_url(target))
        # ok: py-ssrf
        status = await client.get("https://status.example.com/ping")
    # ruleid: py-ssrf
    raw = pool.request("GET", allowed_url(target))
    # ruleid: py-ssrf
    once = urllib3.PoolManager().request("GET", allowed_url(target))
    # ruleid: py-ssrf
    inline = await httpx.AsyncClient().get(allowed_url(target))
    # ok: py-ssrf
    pinned = await httpx.AsyncClient().get(f"https://api.example.com/items/{target}")
    return {"text": text, "answer": answer.text, "status": status.status_code, "raw": raw.status, "once": once.status, "inline": inline.text, "pinned": pinned.text}
