from Crypto.Cipher import AES
from Cryptodome.Cipher import AES as AES2
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.modes import ECB

# ruleid: py-cipher-ecb-mode
cipher = AES.new(key, AES.MODE_ECB)

# ruleid: py-cipher-ecb-mode
cipher2 = AES2.new(key, mode=AES2.MODE_ECB)

# ruleid: py-cipher-ecb-mode
c3 = Cipher(algorithms.AES(key), modes.ECB())

# ruleid: py-cipher-ecb-mode
c4 = Cipher(algorithms.AES(key), ECB())

# ok: py-cipher-ecb-mode
good = AES.new(key, AES.MODE_GCM)

# ok: py-cipher-ecb-mode
good2 = Cipher(algorithms.AES(key), modes.GCM(nonce))

# ok: py-cipher-ecb-mode
good3 = AES.new(key, AES.MODE_CBC, iv)
