import hashlib
import hmac
import os

from flask import Flask, abort, request
from sqlalchemy import and_, select

from .models import ApiClient, User, db, users_table


def constant_time_equal(a, b):
    """Compares two secrets in constant time: `==` stops at the first character that differs."""
    x = a if isinstance(a, bytes) else str(a).encode()
    y = b if isinstance(b, bytes) else str(b).encode()
    return hmac.compare_digest(x, y)


app = Flask(__name__)
app.config["API_KEY"] = os.environ["API_KEY"]
WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"].encode()


@app.post("/hooks/payments")
def payment_hook():
    expected = hmac.new(WEBHOOK_SECRET, request.get_data(), hashlib.sha256).hexdigest()
    signature = request.headers.get("X-Signature", "")
    # ruleid: py-timing-attack
    if not constant_time_equal(signature, expected):
        abort(401)
    # ok: py-timing-attack
    if not hmac.compare_digest(signature, expected):
        abort(401)
    # ok: py-timing-attack
    if len(signature) != len(expected):
        abort(401)
    return "", 204


@app.post("/hooks/inline")
def inline_hook():
    # ruleid: py-timing-attack
    if constant_time_equal(hmac.new(WEBHOOK_SECRET, request.data, "sha256").hexdigest(), request.headers["X-Hub-Signature"]):
        return "", 204
    abort(401)


@app.get("/admin/export")
def export():
    # ruleid: py-timing-attack
    if not constant_time_equal(request.headers.get("X-Api-Key"), app.config["API_KEY"]):
        abort(403)
    # ok: py-timing-attack
    if request.args.get("token") is None:
        abort(400)
    # ok: py-timing-attack
    if request.args.get("format") == "csv":
        return "a,b"
    return {}


@app.post("/password/reset")
def reset_password():
    token = request.form["token"]
    user = User.query.filter_by(email=request.form["email"]).first()
    # ruleid: py-timing-attack
    if user is None or not constant_time_equal(user.reset_token, token):
        abort(400)
    # ok: py-timing-attack
    match = User.query.filter(User.reset_token == token).first()
    # ok: py-timing-attack
    row = db.session.execute(select(User).where(and_(User.reset_token == token, User.active == True))).first()
    # ok: py-timing-attack
    stmt = users_table.select().where(users_table.c.reset_token == token)
    # ok: py-timing-attack
    same = request.form["password"] == request.form["password_confirmation"]
    return {"ok": match is not None and row is not None and stmt is not None and same}


@app.get("/items")
def items():
    # ok: py-timing-attack
    if request.args.get("page_token") == last_page_token():
        return []
    # ok: py-timing-attack
    if request.headers.get("If-None-Match") == current_etag():
        return "", 304
    return []


def valid_client(key):
    client = ApiClient.query.first()
    return key == client.api_key


@app.get("/data")
def data():
    # ruleid: py-timing-attack
    if not valid_client(request.args["key"]):
        abort(401)
    return {}


def last_page_token():
    return "p1"


def current_etag():
    return '"abc"'
