from Crypto.Cipher import AES, ARC4, DES
from Crypto.Cipher import DES3 as TripleDes
from Cryptodome.Cipher import Blowfish
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.decrepit.ciphers.algorithms import CAST5
import Crypto.Cipher.ARC2

# ruleid: py-weak-cipher
c1 = DES.new(key, DES.MODE_CBC, iv)

# ruleid: py-weak-cipher
c2 = TripleDes.new(key, TripleDes.MODE_CBC, iv)

# ruleid: py-weak-cipher
stream = ARC4.new(key)

# ruleid: py-weak-cipher
bf = Blowfish.new(key, Blowfish.MODE_CBC, iv)

# ruleid: py-weak-cipher
c5 = Cipher(algorithms.TripleDES(key), modes.CBC(iv))

# ruleid: py-weak-cipher
c6 = Cipher(CAST5(key), modes.CBC(iv))

# ruleid: py-weak-cipher
c7 = Crypto.Cipher.ARC2.new(key, Crypto.Cipher.ARC2.MODE_CBC, iv)

# ok: py-weak-cipher
good = AES.new(key, AES.MODE_GCM)

# ok: py-weak-cipher
good2 = Cipher(algorithms.AES(key), modes.GCM(iv))

# ok: py-weak-cipher
good3 = algorithms.ChaCha20(key, nonce)

# ok: py-weak-cipher
d = des_parser.new(config)
