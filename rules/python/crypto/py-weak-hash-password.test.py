import hashlib
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
    # ruleid: py-weak-hash-password
    return md5(raw.encode()).hexdigest()


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
