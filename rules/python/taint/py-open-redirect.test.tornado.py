import tornado.web


class LoginHandler(tornado.web.RequestHandler):
    def get(self):
        # ruleid: py-open-redirect
        self.redirect(self.get_argument("next", "/"))

    def post(self):
        # ok: py-open-redirect
        self.redirect("/account")
