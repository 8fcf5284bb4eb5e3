import hashlib
import os
import hashlib as hl
from hashlib import md5, sha1 as _sha1
from Crypto.Hash import MD5


def register(user, password):
    # ruleid: py-weak-hash-password
    user.password_hash = hashlib.md5(password.encode()).hexdigest()


def check(user, pwd):
    # ruleid: py-weak-hash-password
    return user.pw_hash == hl.sha1(pwd.encode("utf-8")).hexdigest()


def hash_password(raw):
    """Hashes a password with scrypt (OWASP's minimum: n=2**17, r=8, p=1) and a random
    salt, stored as "scrypt$n$r$p$salt$hash" (hex, about 180 characters).
    Hashes stored before this change do not verify: have those users reset their password."""
    salt = os.urandom(16)
    n, r, p = 2**17, 8, 1
    digest = hashlib.scrypt(raw.encode(), salt=salt, n=n, r=r, p=p, maxmem=2**28)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


# ruleid: py-weak-hash-password
hashed_pw = _sha1(salt + form.password.data.encode()).hexdigest()

# ruleid: py-weak-hash-password
h = hashlib.new("md5", request.POST["password"].encode())

# ruleid: py-weak-hash-password
digest = MD5.new(user_password.encode()).hexdigest()

# ok: py-weak-hash-password
etag = hashlib.md5(body).hexdigest()

# ok: py-weak-hash-password
password_hash = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)

# ok: py-weak-hash-password
cache_key = hashlib.md5(password_reset_url.encode(), usedforsecurity=False).hexdigest()

# ok: py-weak-hash-password
fingerprint = hashlib.sha256(password.encode()).hexdigest()
