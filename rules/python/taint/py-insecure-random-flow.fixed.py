import hashlib
import hmac
import random
import secrets
import string

import jwt
from flask import Flask, make_response, request

app = Flask(__name__)


def new_code():
    return "".join(secrets.choice(string.digits) for _ in range(6))


@app.route("/login", methods=["POST"])
def login():
    sid = "%032x" % secrets.randbits(128)
    resp = make_response("ok")
    # ruleid: py-insecure-random-flow
    resp.set_cookie("sid", sid, httponly=True)
    # ok: py-insecure-random-flow
    resp.set_cookie("sid2", secrets.token_urlsafe(32), httponly=True)
    # An A/B bucket is not a secret: one of two constants.
    # ok: py-insecure-random-flow
    resp.set_cookie("bucket", "a" if random.random() < 0.5 else "b")
    return resp


@app.route("/reset", methods=["POST"])
def reset():
    user = find_user(request.form["email"])
    code = new_code()
    # ruleid: py-insecure-random-flow
    user.reset_token = code
    # ok: py-insecure-random-flow
    user.reset_token = secrets.token_hex(32)
    # ok: py-insecure-random-flow
    user.display_name = code
    pin = int(secrets.SystemRandom().random() * 1000000)
    # ruleid: py-insecure-random-flow
    user.otp = str(pin)
    return "sent"


seed = str(secrets.SystemRandom().random()).encode()
# ruleid: py-insecure-random-flow
token = jwt.encode({"sub": 1}, hashlib.sha256(seed).hexdigest(), algorithm="HS256")
# ruleid: py-insecure-random-flow
mac = hmac.new(seed, b"msg", "sha256")

# ruleid: py-insecure-random-flow
app.secret_key = "".join(secrets.SystemRandom().choices(string.ascii_letters, k=32))

# Not a secret: a jittered delay, a sample.
# ok: py-insecure-random-flow
delay = random.uniform(0.1, 0.5)


def find_user(email):
    return None
