import httpx
import urllib.parse
from fastapi import FastAPI


# Hosts this code may send requests to, compared exactly: add the ones it needs, in lower
# case (e.g. "api.example.com"). A URL to any other host, or not http(s), is refused.
ALLOWED_HOSTS = set()


def allowed_url(url):
    """Returns url if it is http(s) to a host in ALLOWED_HOSTS; raises ValueError otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in ALLOWED_HOSTS:
        raise ValueError(f"host not allowed: {parts.hostname}")
    return parts.geturl()


app = FastAPI()
client = httpx.AsyncClient()


@app.get("/fetch")
async def fetch(url: str, page: int = 1):
    # ruleid: py-ssrf
    r = await client.get(allowed_url(url))
    # ok: py-ssrf
    p = await client.get(f"https://api.example.com/items?page={page}")
    return {"a": r.text, "b": p.text}


@app.post("/ping")
async def ping(host: str):
    async with httpx.AsyncClient() as c:
        # ruleid: py-ssrf
        r = await c.get(allowed_url(f"http://{host}/"))
    return r.status_code
