import rsa as pyrsa
from Crypto.PublicKey import RSA
from Cryptodome.PublicKey import DSA
from cryptography.hazmat.primitives.asymmetric import dsa, rsa
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key

LEGACY_BITS = 1024

# ruleid: py-weak-rsa-dsa-key-size
k1 = rsa.generate_private_key(public_exponent=65537, key_size=1024)

# ruleid: py-weak-rsa-dsa-key-size
k2 = generate_private_key(65537, 512)

# ruleid: py-weak-rsa-dsa-key-size
k3 = dsa.generate_private_key(key_size=1024)

# ruleid: py-weak-rsa-dsa-key-size
k4 = RSA.generate(LEGACY_BITS)

# ruleid: py-weak-rsa-dsa-key-size
k5 = DSA.generate(bits=1024)

# ruleid: py-weak-rsa-dsa-key-size
(pub, priv) = pyrsa.newkeys(512)

# ok: py-weak-rsa-dsa-key-size
ok1 = rsa.generate_private_key(public_exponent=65537, key_size=2048)

# ok: py-weak-rsa-dsa-key-size
ok2 = RSA.generate(3072)

# ok: py-weak-rsa-dsa-key-size
ok3 = rsa.generate_private_key(public_exponent=65537, key_size=settings.RSA_BITS)

# ok: py-weak-rsa-dsa-key-size
ok4 = dsa.generate_private_key(key_size=4096)
