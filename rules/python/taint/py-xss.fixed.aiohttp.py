import html
from aiohttp import web
from markupsafe import escape

routes = web.RouteTableDef()


@routes.get('/hello/{name}')
async def hello(request: web.Request) -> web.Response:
    name = request.match_info['name']
    # ruleid: py-xss
    return web.Response(text=f"<h1>Hello {html.escape(str(name))}</h1>", content_type='text/html')


@routes.get('/search')
async def search(request):
    q = request.query.get('q', '')
    # ruleid: py-xss
    page = web.Response(text='<p>' + html.escape(str(q)) + '</p>', content_type='text/html; charset=utf-8')
    # ok: py-xss
    safe = web.Response(text='<p>' + str(escape(q)) + '</p>', content_type='text/html')
    # text/plain unless a type is given
    # ok: py-xss
    plain = web.Response(text='You searched for ' + q)
    # ok: py-xss
    typed = web.Response(text=q, content_type='application/json')
    return page or safe or plain or typed


async def comment(request):
    form = await request.post()
    # ruleid: py-xss
    return web.Response(body=form['text'].encode(), content_type='text/html')


app = web.Application()
app.add_routes(routes)
app.router.add_post('/comment', comment)
