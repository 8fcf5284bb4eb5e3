import html
from pyramid.response import Response
from pyramid.view import view_config


@view_config(route_name='hello')
def hello(request):
    name = request.params.get('name', '')
    # Pyramid's Response is text/html unless told otherwise.
    # ruleid: py-xss
    page = Response(f'<h1>Hello {html.escape(str(name))}</h1>')
    # ok: py-xss
    plain = Response(f'Hello {name}', content_type='text/plain')
    return page if name else plain


@view_config(route_name='item')
def item(request):
    # ruleid: py-xss
    return Response(text='<p>' + html.escape(str(request.matchdict['slug'])) + '</p>')
