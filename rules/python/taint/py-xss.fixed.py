import html

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from flask import Flask, jsonify, make_response, redirect, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: py-xss
    resp = make_response("<h1>Hello " + html.escape(str(name)) + "</h1>")
    # ok: py-xss
    safe = make_response("<h1>Hello " + html.escape(name) + "</h1>")
    # ok: py-xss
    page = render_template("hello.html", name=name)
    return resp if name else (safe or page)


@app.route("/greet/<user>")
def greet(user):
    # ruleid: py-xss
    return f"<p>Welcome back, {html.escape(str(user))}!</p>"


@app.route("/json")
def as_json():
    # ok: py-xss
    return jsonify(q=request.args.get("q"))


@app.route("/comment", methods=["POST"])
def comment():
    text = request.form["text"]
    # ruleid: py-xss
    return Markup("<div class='c'>%s</div>" % html.escape(str(text)))


@app.route("/count/<int:n>")
def count(n: int):
    # ok: py-xss
    return f"<b>{n}</b>"


def card(title):
    return make_response("<div class='card'>{}</div>".format(title))


@app.route("/card")
def card_view():
    # ruleid: py-xss
    card(request.args["title"])
    # ok: py-xss
    return card("Static")


# Django function views
def search(request):
    q = request.GET.get("q", "")
    # ruleid: py-xss
    return HttpResponse("<p>Results for %s</p>" % html.escape(str(q)))


def search_safe(request):
    q = request.GET.get("q", "")
    # ok: py-xss
    body = format_html("<p>Results for {}</p>", q)
    # ok: py-xss
    return HttpResponse("<p>Results for %s</p>" % escape(q) + body)


def banner(request):
    msg = request.COOKIES.get("banner")
    # ruleid: py-xss
    return HttpResponse(mark_safe(f"<marquee>{html.escape(str(msg))}</marquee>"))


# Not request data.
FOOTER = "<footer>(c) Example</footer>"
# ok: py-xss
STATIC = mark_safe(FOOTER)


# A fixed URL prefix changes nothing for HTML.
def link(request):
    # ruleid: py-xss
    return HttpResponse("<a href='/users/%s'>profile</a>" % html.escape(str(request.GET["id"])))


# A constant non-HTML content type: not rendered as a page.
def plain(request):
    # ok: py-xss
    return HttpResponse(request.GET["q"], content_type="text/plain; charset=utf-8")


def as_html(request):
    # ruleid: py-xss
    return HttpResponse(request.GET["q"], content_type="text/html")


def chosen_type(request):
    # ruleid: py-xss
    return HttpResponse(request.GET["q"], content_type=request.GET["type"])


# An autoescaping template render returns escaped HTML.
def welcome(request):
    page = render_to_string("welcome.html", {"name": request.POST["name"]})
    # ok: py-xss
    return HttpResponse(page)


@app.route("/card")
def card():
    # ok: py-xss
    return make_response(render_template("card.html", title=request.args.get("title", "")))


# A redirect response's body is a fixed page; only its destination matters (py-open-redirect).
@app.route("/theme")
def theme():
    # ok: py-xss
    resp = make_response(redirect("/settings?from=" + request.args.get("from", "")))
    resp.set_cookie("theme", "dark")
    return resp


@app.route("/api/echo")
def api_echo():
    # ok: py-xss
    resp = make_response(request.args.get("q", ""))
    resp.mimetype = "application/json"
    return resp


@app.route("/api/plain")
def api_plain():
    # ok: py-xss
    resp = make_response("echo: " + request.args["q"])
    resp.headers["Content-Type"] = "text/plain; charset=utf-8"
    return resp


@app.route("/api/header-arg")
def api_header_arg():
    # ok: py-xss
    return make_response(request.args["q"], 200, {"Content-Type": "text/csv"})


@app.route("/page/typed-html")
def typed_html():
    # ruleid: py-xss
    resp = make_response("<p>" + html.escape(str(request.args["q"])) + "</p>")
    resp.content_type = "text/html"
    return resp


@app.route("/page/maybe-json")
def maybe_json():
    # ruleid: py-xss
    resp = make_response(request.args["q"])
    if request.args.get("fmt") == "json":
        resp.mimetype = "application/json"
    return resp


@app.route("/page/rebound")
def rebound():
    # ruleid: py-xss
    resp = make_response(request.args["q"])
    resp = add_footer(resp)
    resp.mimetype = "application/json"
    return resp


@app.route("/page/accumulated")
def accumulated():
    page = "<h1>Results</h1>"
    page += f"<p>{request.args.get('q', '')}</p>"
    # ruleid: py-xss
    return page


@app.route("/page/data")
def data_view():
    # A variable that is not always a string (here a dict) is not known to be HTML.
    data = {"q": request.args.get("q", "")}
    # ok: py-xss
    return data
