import os
from pathlib import Path

from aiohttp import web

routes = web.RouteTableDef()
STATIC = '/srv/static'


@routes.get('/files/{name}')
async def files(request: web.Request):
    # ruleid: py-path-traversal
    return web.FileResponse(os.path.join(STATIC, request.match_info['name']))


@routes.get('/logo')
async def logo(request: web.Request):
    # ok: py-path-traversal
    return web.FileResponse(os.path.join(STATIC, 'logo.png'))


@routes.get('/docs/{name}')
async def docs(request: web.Request):
    name = request.match_info['name']
    # Inspecting a Path touches no file.
    # ok: py-path-traversal
    if Path(name).is_absolute() or Path(name).suffix != '.md':
        raise web.HTTPNotFound()
    # ruleid: py-path-traversal
    return web.Response(text=Path(STATIC, name).read_text())
