from urllib.parse import urlparse

from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
ALLOWED_HOSTS = {"example.com", "www.example.com"}


@app.route("/login", methods=["POST"])
def login():
    next_url = request.args.get("next", "/")
    # ruleid: py-open-redirect
    return redirect(safe_redirect(next_url))


@app.route("/logout")
def logout():
    target = request.values["to"]
    # ok: py-open-redirect
    resp = redirect(url_for("index"))
    # ok: py-open-redirect
    resp = redirect(url_for("profile", name=target))
    # ruleid: py-open-redirect
    resp = redirect(f"https://{target}/bye")
    return resp


@app.route("/go")
def go():
    url = request.args["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        return "bad", 400
    # ok: py-open-redirect
    return redirect(url)


@app.route("/r/<path:dest>")
def short(dest):
    # ruleid: py-open-redirect
    return redirect(safe_redirect(dest), code=301)


def back_to(url):
    return redirect(url)


@app.route("/back")
def back():
    # ruleid: py-open-redirect
    return back_to(request.referrer or request.headers.get("Referer"))


@app.route("/home")
def home():
    # ok: py-open-redirect
    return back_to("/")


# Django
def django_login(request):
    nxt = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        # ok: py-open-redirect
        return HttpResponseRedirect(nxt)
    # ruleid: py-open-redirect
    return django_redirect(safe_redirect(nxt))


def set_language(request):
    # ruleid: py-open-redirect
    return HttpResponseRedirect(safe_redirect(request.POST["next"]))


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
