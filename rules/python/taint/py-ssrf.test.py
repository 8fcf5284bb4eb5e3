import urllib.request
from urllib.parse import urlparse

import httpx
import requests
from django.http import HttpResponse
from flask import Flask, abort, request
from rest_framework.decorators import api_view
from rest_framework.response import Response

app = Flask(__name__)
session = requests.Session()
ALLOWED_HOSTS = {"api.example.com"}
API_BASE = "https://api.example.com"


@app.route("/fetch")
def fetch():
    url = request.args.get("url")
    # ruleid: py-ssrf
    r = requests.get(url, timeout=5)
    # ruleid: py-ssrf
    page = urllib.request.urlopen(url).read()
    # ok: py-ssrf
    fixed = requests.get(API_BASE + "/status", timeout=5)
    return r.text + page.decode() + fixed.text


@app.route("/proxy")
def proxy():
    url = request.args["url"]
    if url.startswith(API_BASE + "/"):
        # ok: py-ssrf
        return requests.get(url, timeout=5).text
    # `https://api.example.com.evil.example/` passes this one.
    if url.startswith(API_BASE):
        # ruleid: py-ssrf
        return requests.get(url, timeout=5).text
    abort(400)


@app.route("/hook", methods=["POST"])
def hook():
    body = request.get_json()
    callback = body["callback"]
    # ruleid: py-ssrf
    requests.post(url=callback, json={"ok": True})
    # ruleid: py-ssrf
    session.get(f"http://{body['host']}:8080/health")
    # ruleid: py-ssrf
    requests.request("GET", callback)
    # ok: py-ssrf
    requests.post(API_BASE + "/events", json={"callback": callback})
    return "ok"


@app.route("/proxy")
def proxy():
    target = request.args["target"]
    if urlparse(target).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: py-ssrf
    return requests.get(target).content


@app.route("/user/<int:user_id>")
def user(user_id: int):
    # ok: py-ssrf
    return requests.get(f"{API_BASE}/users/{user_id}").text


def get_json(url):
    return requests.get(url, timeout=3).json()


@app.route("/preview")
def preview():
    # ruleid: py-ssrf
    data = get_json(request.args["u"])
    # ok: py-ssrf
    status = get_json(API_BASE + "/ping")
    return {"data": data, "status": status}


# Django view
def avatar(request):
    src = request.GET["src"]
    # ruleid: py-ssrf
    resp = httpx.get(src)
    return HttpResponse(resp.content, content_type="image/png")


# DRF
@api_view(["POST"])
def import_feed(request):
    feeds = [request.data["feed"]]
    for feed in feeds:
        # ruleid: py-ssrf
        requests.get(feed)
    return Response({"ok": True})


# The host is fixed before the request data comes in.
@app.route("/items/<item_id>")
def item(item_id):
    q = request.args.get("q", "")
    # ok: py-ssrf
    a = requests.get(f"https://api.example.com/items/{item_id}")
    # ok: py-ssrf
    b = requests.get("https://api.example.com/search?q={}".format(q))
    # ok: py-ssrf
    c = requests.get("%s/items/%s" % (API_BASE, item_id))
    # ok: py-ssrf
    d = httpx.get(API_BASE + "/items/" + item_id)
    # The value decides the host or the port: still SSRF.
    # ruleid: py-ssrf
    e = requests.get("https://%s/items" % q)
    # ruleid: py-ssrf
    f = requests.get(f"http://internal:{q}/admin")
    # ruleid: py-ssrf
    g = requests.get("https://{host}/items".format(host=q))
    return a.text + b.text + c.text + d.text + e.text + f.text + g.text
