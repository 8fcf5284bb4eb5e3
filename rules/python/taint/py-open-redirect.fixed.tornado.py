import tornado.web


class LoginHandler(tornado.web.RequestHandler):
    def get(self):
        # ruleid: py-open-redirect
        self.redirect(safe_redirect(self.get_argument("next", "/")))

    def post(self):
        # ok: py-open-redirect
        self.redirect("/account")


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
