from flask import Flask, request, session

app = Flask(__name__)
ROLES = {"reader", "editor"}


@app.route("/profile", methods=["POST"])
def profile():
    # ruleid: py-trust-boundary
    session["display_name"] = request.form["name"]
    # ruleid: py-trust-boundary
    session["next"] = request.args.get("next", "/")
    role = request.form.get("role")
    if role in ROLES:
        # Checked against known values first.
        # ok: py-trust-boundary
        session["role"] = role
    # ok: py-trust-boundary
    session["visits"] = session.get("visits", 0) + 1
    prefs = {}
    # Not the session.
    # ok: py-trust-boundary
    prefs["theme"] = request.args.get("theme")
    return prefs


@app.route("/login", methods=["POST"])
def login():
    user = find_user(request.form["email"])
    # A value the server looked up, not the request's.
    # ok: py-trust-boundary
    session["user_id"] = user.id
    return "ok"


def find_user(email):
    return None
