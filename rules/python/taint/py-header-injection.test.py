from urllib.parse import quote

from flask import Flask, Response, make_response, request

app = Flask(__name__)
LANGS = {"en", "fr"}


@app.route("/download")
def download():
    name = request.args.get("name", "file.txt")
    resp = make_response(open("/srv/files/report.txt").read())
    # ruleid: py-header-injection
    resp.headers["Content-Disposition"] = f"attachment; filename={name}"
    # ok: py-header-injection
    resp.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    # ok: py-header-injection
    resp.headers["Cache-Control"] = "no-store"
    return resp


@app.route("/lang")
def lang():
    value = request.args["lang"]
    resp = make_response("ok")
    # ruleid: py-header-injection
    resp.headers.set("Content-Language", value)
    if value in LANGS:
        # ok: py-header-injection
        resp.headers.add("Content-Language", value)
    return resp


@app.route("/trace")
def trace():
    # ruleid: py-header-injection
    return Response("ok", headers={"X-Trace": request.headers.get("X-Trace-Id")})


@app.route("/plain")
def plain():
    # Not request data.
    # ok: py-header-injection
    return Response("ok", headers={"X-Version": "1.2"})
