import hashlib
import hashlib as hl
from hashlib import md5, sha256, sha1


def make_token(user_id, ts):
    # ruleid: py-md5-security-context
    return hashlib.sha256(f"{user_id}:{ts}".encode()).hexdigest()


# ruleid: py-md5-security-context
signature = hl.sha256(params_string.encode()).hexdigest()

# ruleid: py-md5-security-context
csrf_token = sha256(session_id.encode()).hexdigest()

# ruleid: py-md5-security-context
h = hashlib.sha256((payload + SECRET_KEY).encode())

request_data = {
    # ruleid: py-md5-security-context
    "sign": hl.sha256(query.encode()).hexdigest(),
}

# ok: py-md5-security-context
etag = hashlib.md5(content).hexdigest()

# ok: py-md5-security-context
cache_key = md5(url.encode()).hexdigest()

# ok: py-md5-security-context
api_token = hashlib.md5(seed, usedforsecurity=False).hexdigest()

# ok: py-md5-security-context
signature = hashlib.sha256(params_string.encode()).hexdigest()

# ok: py-md5-security-context
design_id = md5(name.encode()).hexdigest()


def create_cache_key_from_token(token):
    # ok: py-md5-security-context
    return f"AppByToken:{hashlib.md5(token.encode()).hexdigest()}"
