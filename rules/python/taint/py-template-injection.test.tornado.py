import tornado.template
import tornado.web


class PreviewHandler(tornado.web.RequestHandler):
    def post(self):
        # ruleid: py-template-injection
        page = tornado.template.Template(self.request.body.decode())
        # ok: py-template-injection
        fixed = tornado.template.Template("<p>{{ text }}</p>")
        self.finish(fixed.generate(text=self.get_body_argument("text")) + page.generate())
