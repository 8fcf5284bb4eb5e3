import functools
import hashlib
import hmac
import os

from flask import request, session

from .db import get_user, save_user


def hash_password(password):
    """Hashes a password with scrypt (OWASP's minimum: n=2**17, r=8, p=1) and a random
    salt, stored as "scrypt$n$r$p$salt$hash" (hex, about 180 characters).
    Check it with verify_password().
    Hashes stored before this change do not verify: have those users reset their password."""
    salt = os.urandom(16)
    n, r, p = 2**17, 8, 1
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2**28)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_password(password, stored_hash):
    """Checks a password against a value made by hash_password(), in constant time."""
    try:
        scheme, n, r, p, salt, digest = stored_hash.split("$")
        expected = bytes.fromhex(digest)
        if scheme != "scrypt" or not expected:
            return False
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=2**28,
            dklen=len(expected),
        )
    except (AttributeError, ValueError):
        return False
    return hmac.compare_digest(actual, expected)


def register(email, password):
    save_user(email=email, password_hash=hash_password(password))


def login():
    user = get_user(request.form["email"])
    if user is None or not verify_password(request.form["password"], user.password_hash):
        return False
    session["user_id"] = user.id
    return True
