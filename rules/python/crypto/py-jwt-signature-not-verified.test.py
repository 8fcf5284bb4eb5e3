import jwt
import jwt as pyjwt
from jose import jwt as jose_jwt

# ruleid: py-jwt-signature-not-verified
claims = jwt.decode(token, options={"verify_signature": False})

# ruleid: py-jwt-signature-not-verified
claims2 = pyjwt.decode(token, key, verify=False)

NO_VERIFY = {
    # ruleid: py-jwt-signature-not-verified
    "verify_signature": False,
    "verify_exp": False,
}

# ruleid: py-jwt-signature-not-verified
c3 = jose_jwt.decode(token, key, options={'verify_signature': False})

# ok: py-jwt-signature-not-verified
good = jwt.decode(token, key, algorithms=["RS256"])

# ok: py-jwt-signature-not-verified
good2 = jwt.decode(token, key, algorithms=["HS256"], options={"verify_signature": True})

# ok: py-jwt-signature-not-verified
header = jwt.get_unverified_header(token)

# ok: py-jwt-signature-not-verified
requests.get(url, verify=True)
