from aiohttp import web

routes = web.RouteTableDef()


@routes.get('/login')
async def login(request: web.Request):
    # ruleid: py-open-redirect
    raise web.HTTPFound(request.query.get('next', '/'))


@routes.get('/logout')
async def logout(request: web.Request):
    # ok: py-open-redirect
    raise web.HTTPFound('/')


@routes.get('/moved')
async def moved(request):
    # ruleid: py-open-redirect
    raise web.HTTPMovedPermanently(location=request.rel_url.query['to'])
