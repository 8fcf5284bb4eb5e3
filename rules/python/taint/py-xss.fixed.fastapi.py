import html
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/hello", response_class=HTMLResponse)
async def hello(name: str, times: int = 1):
    # ruleid: py-xss
    page = HTMLResponse(f"<h1>Hello {html.escape(str(name))}</h1>")
    # ok: py-xss
    repeat = HTMLResponse("<br>" * times)
    return page if times else repeat
