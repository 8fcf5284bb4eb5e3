from flask import request


@app.after_request
def add_cors(response):
    # ruleid: py-cors-reflect-origin
    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def django_view(request):
    response = JsonResponse({})
    # ruleid: py-cors-reflect-origin
    response["Access-Control-Allow-Origin"] = request.META.get("HTTP_ORIGIN")
    return response


class Handler(RequestHandler):
    def set_default_headers(self):
        # ruleid: py-cors-reflect-origin
        self.set_header("Access-Control-Allow-Origin", self.request.headers.get("Origin"))


def checked(response):
    origin = request.headers.get("Origin")
    if origin in ALLOWED_ORIGINS:
        # ok: py-cors-reflect-origin
        response.headers["Access-Control-Allow-Origin"] = origin
    # ok: py-cors-reflect-origin
    response.headers["Access-Control-Allow-Origin"] = "https://app.example.com"
    # ok: py-cors-reflect-origin
    response.headers["Vary"] = request.headers.get("Origin")
