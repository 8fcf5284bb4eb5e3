import hashlib
import hmac
from hashlib import md5
from hmac import new as hmac_new
from Crypto.Hash import HMAC, MD5, SHA256

# ruleid: py-hmac-md5
sig = hmac.new(key, msg, hashlib.md5).hexdigest()

# ruleid: py-hmac-md5
sig2 = hmac.new(key, msg, digestmod="md5").hexdigest()

# ruleid: py-hmac-md5
sig3 = hmac_new(key, msg, md5).digest()

# ruleid: py-hmac-md5
raw = hmac.digest(key, msg, "md5")

# ruleid: py-hmac-md5
h = HMAC.new(secret, digestmod=MD5)

# ok: py-hmac-md5
ok1 = hmac.new(key, msg, hashlib.sha256).hexdigest()

# ok: py-hmac-md5
ok2 = hmac.new(key, msg, digestmod="sha1").hexdigest()

# ok: py-hmac-md5
ok3 = HMAC.new(secret, digestmod=SHA256)

# ok: py-hmac-md5
ok4 = hashlib.md5(data, usedforsecurity=False).hexdigest()
