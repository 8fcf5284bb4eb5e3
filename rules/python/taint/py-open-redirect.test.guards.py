# Checks that keep a redirect on this site, read from their code (not from a function's name).
import re

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
