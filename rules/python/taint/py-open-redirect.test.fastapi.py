from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()
PAGES = {"home": "/", "docs": "/docs"}


@app.get("/out")
async def out(url: str):
    # ruleid: py-open-redirect
    return RedirectResponse(url)


@app.get("/page")
async def page(name: str):
    if name not in PAGES:
        return RedirectResponse("/")
    # ok: py-open-redirect
    return RedirectResponse(PAGES[name])
