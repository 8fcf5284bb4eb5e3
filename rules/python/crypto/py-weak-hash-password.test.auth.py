import functools
import hashlib

from flask import request, session

from .db import get_user, save_user


def hash_password(password):
    # ruleid: py-weak-hash-password
    return hashlib.sha1(password.encode("utf-8")).hexdigest()


def register(email, password):
    save_user(email=email, password_hash=hash_password(password))


def login():
    user = get_user(request.form["email"])
    if user is None or user.password_hash != hash_password(request.form["password"]):
        return False
    session["user_id"] = user.id
    return True
