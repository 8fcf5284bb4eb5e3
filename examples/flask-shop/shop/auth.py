import functools
import hashlib
import random
import string
from datetime import datetime, timedelta

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for

from .db import get_db, query
from .mail import send_mail

bp = Blueprint("auth", __name__, url_prefix="/auth")


def hash_password(password):
    return hashlib.sha1(password.encode("utf-8")).hexdigest()


def login_required(view):
    @functools.wraps(view)
    def wrapped(**kwargs):
        if g.user is None:
            return redirect(url_for("auth.login", next=request.path))
        return view(**kwargs)

    return wrapped


def admin_required(view):
    @functools.wraps(view)
    def wrapped(**kwargs):
        if g.user is None or not g.user["is_admin"]:
            abort(403)
        return view(**kwargs)

    return wrapped


@bp.before_app_request
def load_user():
    user_id = session.get("user_id")
    g.user = query("SELECT * FROM users WHERE id = ?", (user_id,), one=True) if user_id else None


@bp.route("/register", methods=("GET", "POST"))
def register():
    if request.method == "POST":
        email = request.form["email"].strip().lower()
        password = request.form["password"]
        if len(password) < 10:
            flash("Passwords need at least 10 characters.")
        elif query("SELECT id FROM users WHERE email = ?", (email,), one=True):
            flash("That email is already registered.")
        else:
            db = get_db()
            db.execute(
                "INSERT INTO users (email, name, password_hash) VALUES (?, ?, ?)",
                (email, request.form.get("name", ""), hash_password(password)),
            )
            db.commit()
            return redirect(url_for("auth.login"))
    return render_template("register.html")


@bp.route("/login", methods=("GET", "POST"))
def login():
    if request.method == "POST":
        email = request.form["email"].strip().lower()
        user = query("SELECT * FROM users WHERE email = ?", (email,), one=True)
        if user is None or user["password_hash"] != hash_password(request.form["password"]):
            flash("Wrong email or password.")
        else:
            session.clear()
            session["user_id"] = user["id"]
            return redirect(request.args.get("next") or url_for("catalog.index"))
    return render_template("login.html")


@bp.route("/logout", methods=("POST",))
def logout():
    session.clear()
    return redirect(url_for("catalog.index"))


def make_reset_token(length=32):
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))


@bp.route("/forgot", methods=("GET", "POST"))
def forgot():
    if request.method == "POST":
        user = query("SELECT * FROM users WHERE email = ?", (request.form["email"].strip().lower(),), one=True)
        if user:
            token = make_reset_token()
            db = get_db()
            db.execute(
                "UPDATE users SET reset_token = ?, reset_expires = ? WHERE id = ?",
                (token, datetime.utcnow() + timedelta(hours=1), user["id"]),
            )
            db.commit()
            send_mail(user["email"], "Reset your password", url_for("auth.reset", token=token, _external=True))
        flash("If that address has an account, we sent it a link.")
    return render_template("forgot.html")


@bp.route("/reset/<token>", methods=("GET", "POST"))
def reset(token):
    user = query("SELECT * FROM users WHERE reset_token = ? AND reset_expires > ?", (token, datetime.utcnow()), one=True)
    if user is None:
        abort(404)
    if request.method == "POST":
        db = get_db()
        db.execute(
            "UPDATE users SET password_hash = ?, reset_token = NULL WHERE id = ?",
            (hash_password(request.form["password"]), user["id"]),
        )
        db.commit()
        return redirect(url_for("auth.login"))
    return render_template("reset.html", token=token)
