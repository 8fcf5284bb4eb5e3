import hashlib
import hashlib as hl
from hashlib import new as new_hash

# ruleid: py-hashlib-new-weak-security-context
signature = hashlib.new("sha256", body).hexdigest()

# ruleid: py-hashlib-new-weak-security-context
reset_token = hl.new('sha256', seed.encode()).hexdigest()


def compute_nonce(data):
    # ruleid: py-hashlib-new-weak-security-context
    return new_hash("sha256", data).hexdigest()


# ok: py-hashlib-new-weak-security-context
checksum = hashlib.new("md5", body).hexdigest()

# ok: py-hashlib-new-weak-security-context
signature = hashlib.new("sha256", body).hexdigest()

# ok: py-hashlib-new-weak-security-context
token = hashlib.new("md5", body, usedforsecurity=False).hexdigest()
