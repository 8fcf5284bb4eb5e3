import jwt
from jose import jwt as jose_jwt
from jwt import encode

# ruleid: py-jwt-none-algorithm
t1 = jwt.encode({"sub": "42"}, None, algorithm="none")

# ruleid: py-jwt-none-algorithm
t2 = encode(payload, "", "none")

# ruleid: py-jwt-none-algorithm
claims = jwt.decode(token, key, algorithms=["HS256", "none"])

# ruleid: py-jwt-none-algorithm
c2 = jose_jwt.decode(token, key, algorithms=["None"])

# ok: py-jwt-none-algorithm
t3 = jwt.encode(payload, secret, algorithm="HS256")

# ok: py-jwt-none-algorithm
claims3 = jwt.decode(token, key, algorithms=["RS256"])

# ok: py-jwt-none-algorithm
other.encode(payload, algorithm="none")
