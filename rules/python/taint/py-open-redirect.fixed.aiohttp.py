from aiohttp import web

routes = web.RouteTableDef()


@routes.get('/login')
async def login(request: web.Request):
    # ruleid: py-open-redirect
    raise web.HTTPFound(safe_redirect(request.query.get('next', '/')))


@routes.get('/logout')
async def logout(request: web.Request):
    # ok: py-open-redirect
    raise web.HTTPFound('/')


@routes.get('/moved')
async def moved(request):
    # ruleid: py-open-redirect
    raise web.HTTPMovedPermanently(location=safe_redirect(request.rel_url.query['to']))


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
