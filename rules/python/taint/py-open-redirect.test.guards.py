# Checks that keep a redirect on this site, read from their code (not from a function's name).
import re

from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request

app = Flask(__name__)


def safe_redirect(target):
    # Named like the helper of the quick fix, but it checks nothing.
    return target


@app.route("/named")
def named():
    # ruleid: py-open-redirect
    return redirect(safe_redirect(request.args.get("next")))


def only_local(url):
    if not url.startswith("/") or url.startswith(("//", "/\\", "/\t", "/\n", "/\r")):
        return "/"
    return url


@app.route("/helper")
def helper():
    # ok: py-open-redirect
    return redirect(only_local(request.args.get("next")))


@app.route("/regex")
def regex():
    nxt = request.args.get("next", "/")
    if re.match(r"/(?![/\\\s])", nxt):
        # ok: py-open-redirect
        return redirect(nxt)
    # `/\evil.example` passes, and browsers read it as `//evil.example`.
    if nxt.startswith("/") and not nxt.startswith("//"):
        # ruleid: py-open-redirect
        return redirect(nxt)
    # re.search looks anywhere in the value.
    if re.search(r"/(?![/\\\s])", nxt):
        # ruleid: py-open-redirect
        return redirect(nxt)
    return redirect("/")


@app.route("/host")
def host():
    nxt = request.args["next"]
    if nxt.startswith(("https://accounts.example.com/", "/account/")):
        # ok: py-open-redirect
        return redirect(nxt)
    # `https://accounts.example.com.evil.example/` passes.
    if nxt.startswith("https://accounts.example.com"):
        # ruleid: py-open-redirect
        return redirect(nxt)
    return redirect("/")


# Functions that are themselves checks: true only when the value passed the check.
def allowed_target(url):
    return url_has_allowed_host_and_scheme(url, allowed_hosts={"accounts.example.com"})


def allowed_after_empty_check(url):
    if not url:
        return False
    return url_has_allowed_host_and_scheme(url=url, allowed_hosts=None)


def short_enough(url):
    return len(url) < 200


@app.route("/validator")
def validator():
    nxt = request.args.get("next", "/")
    if allowed_target(nxt):
        # ok: py-open-redirect
        return redirect(nxt)
    if nxt and allowed_after_empty_check(nxt):
        # ok: py-open-redirect
        return redirect(nxt)
    if not allowed_target(nxt):
        # ruleid: py-open-redirect
        return redirect(nxt)
    return redirect("/")


@app.route("/not-a-validator")
def not_a_validator():
    nxt = request.args.get("next", "/")
    # A check of the length says nothing about the host.
    if short_enough(nxt):
        # ruleid: py-open-redirect
        return redirect(nxt)
    return redirect("/")
