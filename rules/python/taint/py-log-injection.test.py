import json
import logging

from django.http import HttpResponse
from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)
_log = logging.getLogger("audit")


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    # ruleid: py-log-injection
    logger.warning("failed login for " + user)
    # ruleid: py-log-injection
    logging.info(f"login attempt: {user}")
    # ruleid: py-log-injection
    _log.error("user %s" % user)
    # ok: py-log-injection
    logger.warning("failed login for %r", user)
    # ok: py-log-injection
    logger.info("login attempt: " + json.dumps(user))
    # ok: py-log-injection
    logger.info("login attempt, name length %d", len(user))
    return "ok"


@app.route("/debug")
def debug():
    # ok: py-log-injection
    logging.info(request.args)
    # ruleid: py-log-injection
    logging.info(request.args.get("q"))
    # ruleid: py-log-injection
    logger.info("args: " + request.args["q"])
    return "ok"


@app.route("/item/<int:item_id>")
def item(item_id: int):
    # ok: py-log-injection
    logger.info(f"item {item_id} viewed")
    return "ok"


@app.route("/action")
def action():
    act = request.args.get("act")
    if act not in ("start", "stop"):
        return "bad", 400
    # ok: py-log-injection
    logger.info(f"action {act}")
    return "ok"


def audit(event, detail):
    logger.info("[audit] {}: {}".format(event, detail))


@app.route("/delete/<name>")
def delete(name):
    # ruleid: py-log-injection
    audit("delete", name)
    # ok: py-log-injection
    audit("delete", "static")
    return "ok"


# Not request data.
# ok: py-log-injection
logger.info("starting with config %s" % json.dumps({"debug": False}))


# Django view
def search(request):
    q = request.GET.get("q", "")
    # ruleid: py-log-injection
    logger.debug("search: " + q)
    return HttpResponse("ok")
