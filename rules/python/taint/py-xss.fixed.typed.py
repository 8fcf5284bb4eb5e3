# Responses whose content type is set after they are built.
import html
import json

from django.http import HttpResponse
from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    # ok: py-xss
    resp = Response(json.dumps({"user": user, "ok": False}))
    resp.mimetype = "application/json"
    return resp


@app.route("/echo")
def echo():
    # ruleid: py-xss
    resp = Response("<p>" + html.escape(str(request.args["q"])) + "</p>")
    resp.headers["X-Frame-Options"] = "DENY"
    return resp


def export_csv(request):
    # ok: py-xss
    response = HttpResponse(request.GET["rows"])
    response["Content-Type"] = "text/csv"
    return response


def preview(request):
    # ruleid: py-xss
    response = HttpResponse(request.GET["body"])
    response["Content-Type"] = request.GET.get("type", "text/html")
    return response
