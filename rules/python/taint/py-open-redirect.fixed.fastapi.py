from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()
PAGES = {"home": "/", "docs": "/docs"}


@app.get("/out")
async def out(url: str):
    # ruleid: py-open-redirect
    return RedirectResponse(safe_redirect(url))


@app.get("/page")
async def page(name: str):
    if name not in PAGES:
        return RedirectResponse("/")
    # ok: py-open-redirect
    return RedirectResponse(PAGES[name])


def safe_redirect(target):
    """Allows only paths on this site ("/account"), never "//evil.example" or "https://..."."""
    # Browsers read "\" as "/" and drop tabs and newlines, so none of them may follow the "/".
    if (
        isinstance(target, str)
        and target.startswith("/")
        and not target.startswith(("//", "/\\", "/\t", "/\n", "/\r"))
    ):
        return target
    return "/"
