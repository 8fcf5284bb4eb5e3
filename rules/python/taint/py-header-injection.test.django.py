from django.http import HttpResponse
from tornado.web import RequestHandler


def export(request):
    response = HttpResponse("a,b\n", content_type="text/csv")
    # ruleid: py-header-injection
    response["Content-Disposition"] = 'attachment; filename="%s.csv"' % request.GET["name"]
    # ok: py-header-injection
    response["Content-Disposition"] = 'attachment; filename="export.csv"'
    # The body is not a header.
    # ok: py-header-injection
    response.content = b"x"
    return response


class TraceHandler(RequestHandler):
    def get(self):
        # ruleid: py-header-injection
        self.set_header("X-Trace", self.get_argument("trace"))
        # ok: py-header-injection
        self.set_header("X-Frame-Options", "DENY")
        self.write("ok")
