import hmac
import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def encrypt(key, message):
    iv = os.urandom(16)
    # ruleid: py-cipher-no-authentication
    cipher = Cipher(algorithms.AES(key), modes.CFB(iv))
    encryptor = cipher.encryptor()
    return iv + encryptor.update(message) + encryptor.finalize()


def decrypt_cbc(key, iv, data):
    # ruleid: py-cipher-no-authentication
    cipher = AES.new(key, AES.MODE_CBC, iv)
    return cipher.decrypt(data)


def counter(key, nonce):
    # ruleid: py-cipher-no-authentication
    return AES.new(key, mode=AES.MODE_CTR, nonce=nonce)


def sealed(key, mac_key, message):
    iv = os.urandom(16)
    # ok: py-cipher-no-authentication
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    data = iv + encryptor.update(message) + encryptor.finalize()
    return data + hmac.new(mac_key, data, "sha256").digest()


def opened(key, mac_key, box):
    if not hmac.compare_digest(box[-32:], hmac.new(mac_key, box[:-32], "sha256").digest()):
        raise ValueError("bad MAC")
    # ok: py-cipher-no-authentication
    return AES.new(key, AES.MODE_CBC, box[:16]).decrypt(box[16:-32])


def aead(key, message):
    nonce = os.urandom(12)
    # ok: py-cipher-no-authentication
    return nonce + AESGCM(key).encrypt(nonce, message, None)


def gcm(key):
    # ok: py-cipher-no-authentication
    return AES.new(key, AES.MODE_GCM)
