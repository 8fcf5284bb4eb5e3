import httpx
from fastapi import FastAPI

app = FastAPI()
client = httpx.AsyncClient()


@app.get("/fetch")
async def fetch(url: str, page: int = 1):
    # ruleid: py-ssrf
    r = await client.get(url)
    # ok: py-ssrf
    p = await client.get(f"https://api.example.com/items?page={page}")
    return {"a": r.text, "b": p.text}


@app.post("/ping")
async def ping(host: str):
    async with httpx.AsyncClient() as c:
        # ruleid: py-ssrf
        r = await c.get(f"http://{host}/")
    return r.status_code
