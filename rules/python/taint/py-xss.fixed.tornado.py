import html
import json

import tornado.escape
import tornado.web


class BaseHandler(tornado.web.RequestHandler):
    def current_name(self):
        return self.get_argument("name", "")


class HelloHandler(BaseHandler):
    def get(self):
        name = self.get_argument("name")
        # Tornado sends a written string as text/html.
        # ruleid: py-xss
        self.write("<h1>Hello " + html.escape(str(name)) + "</h1>")
        # ok: py-xss
        self.write("<h1>Hello " + tornado.escape.xhtml_escape(name) + "</h1>")
        # A dict is sent as JSON.
        # ok: py-xss
        self.write({"name": name})
        # ok: py-xss
        self.write(dict(name=name))


class ItemHandler(tornado.web.RequestHandler):
    def get(self, slug):
        # URL captures are input.
        # ruleid: py-xss
        self.finish(f"<p>No item {html.escape(str(slug))}</p>")


class ApiHandler(tornado.web.RequestHandler):
    def get(self):
        self.set_header("Content-Type", "application/json")
        # ok: py-xss
        self.write(json.dumps({"q": self.get_query_argument("q")}))


class NotAHandler:
    def get(self, text):
        # ok: py-xss
        self.write(text)


application = tornado.web.Application([(r"/", HelloHandler), (r"/items/(\w+)", ItemHandler), (r"/api", ApiHandler)])
