import httpx
import httpx as hx
from httpx import AsyncClient, Client as HttpClient

URL = "https://api.example.com"

# ruleid: py-httpx-verify-disabled
httpx.get(URL, verify=False)

# ruleid: py-httpx-verify-disabled
client = httpx.Client(base_url=URL, verify=False, timeout=5.0)

# ruleid: py-httpx-verify-disabled
hx.post(URL, json={"x": 1}, verify=False)

# ruleid: py-httpx-verify-disabled
with HttpClient(verify=False) as c:
    c.get("/")


async def fetch():
    # ruleid: py-httpx-verify-disabled
    async with AsyncClient(verify=False) as ac:
        return await ac.get(URL)


# ok: py-httpx-verify-disabled
httpx.get(URL)

# ok: py-httpx-verify-disabled
httpx.Client(verify="/etc/ssl/certs/internal-ca.pem")

# ok: py-httpx-verify-disabled
httpx.Client(verify=True, http2=True)

# ok: py-httpx-verify-disabled
aiohttp_client.get(URL, verify=False)
