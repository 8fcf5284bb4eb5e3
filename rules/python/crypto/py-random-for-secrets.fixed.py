import random
import random as rnd
import secrets
import string
from random import choice, getrandbits, randint as ri

CHARS = string.ascii_letters + string.digits

# ruleid: py-random-for-secrets
reset_token = "".join(secrets.choice(CHARS) for _ in range(32))


def generate_password(length=12):
    # ruleid: py-random-for-secrets
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(length))


# ruleid: py-random-for-secrets
otp_code = secrets.SystemRandom().randint(100000, 999999)

# ruleid: py-random-for-secrets
salt = secrets.randbits(128).to_bytes(16, "big")

# ruleid: py-random-for-secrets
session_id = str(secrets.SystemRandom().random())

# ruleid: py-random-for-secrets
apiKey = "".join(secrets.SystemRandom().choices("abcdef0123456789", k=40))

user = {
    "name": name,
    # ruleid: py-random-for-secrets
    "api_key": "%032x" % secrets.randbits(128),
}

# ok: py-random-for-secrets
delay = random.uniform(0.5, 1.5)

# ok: py-random-for-secrets
next_token = random.choice(candidates)

# ok: py-random-for-secrets
num_tokens = random.randint(1, 512)

# ok: py-random-for-secrets
password_length = random.randint(12, 20)

# ok: py-random-for-secrets
keyword = random.choice(string.ascii_lowercase)

# ok: py-random-for-secrets
token = secrets.token_urlsafe(32)

# ok: py-random-for-secrets
monkey = random.randint(0, 10)
