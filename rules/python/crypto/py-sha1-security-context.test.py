import hashlib
import hashlib as hl
from hashlib import md5, sha1


def make_token(user_id, ts):
    # ruleid: py-sha1-security-context
    return hashlib.sha1(f"{user_id}:{ts}".encode()).hexdigest()


# ruleid: py-sha1-security-context
signature = hl.sha1(params_string.encode()).hexdigest()

# ruleid: py-sha1-security-context
csrf_token = sha1(session_id.encode()).hexdigest()

# ruleid: py-sha1-security-context
h = hashlib.sha1((payload + SECRET_KEY).encode())

request_data = {
    # ruleid: py-sha1-security-context
    "sign": hl.sha1(query.encode()).hexdigest(),
}

# ok: py-sha1-security-context
etag = hashlib.sha1(content).hexdigest()

# ok: py-sha1-security-context
cache_key = sha1(url.encode()).hexdigest()

# ok: py-sha1-security-context
api_token = hashlib.sha1(seed, usedforsecurity=False).hexdigest()

# ok: py-sha1-security-context
signature = hashlib.sha256(params_string.encode()).hexdigest()

# ok: py-sha1-security-context
design_id = sha1(name.encode()).hexdigest()
