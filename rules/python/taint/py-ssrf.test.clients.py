import aiohttp
import httpx
import urllib3
from flask import Flask, request

app = Flask(__name__)
pool = urllib3.PoolManager()


@app.get("/proxy")
async def proxy():
    target = request.args["target"]
    async with aiohttp.ClientSession() as session:
        # ruleid: py-ssrf
        async with session.get(target) as resp:
            text = await resp.text()
    async with httpx.AsyncClient(timeout=5) as client:
        # ruleid: py-ssrf
        answer = await client.get(target)
        # ok: py-ssrf
        status = await client.get("https://status.example.com/ping")
    # ruleid: py-ssrf
    raw = pool.request("GET", target)
    # ruleid: py-ssrf
    once = urllib3.PoolManager().request("GET", target)
    # ruleid: py-ssrf
    inline = await httpx.AsyncClient().get(target)
    # ok: py-ssrf
    pinned = await httpx.AsyncClient().get(f"https://api.example.com/items/{target}")
    return {"text": text, "answer": answer.text, "status": status.status_code, "raw": raw.status, "once": once.status, "inline": inline.text, "pinned": pinned.text}
