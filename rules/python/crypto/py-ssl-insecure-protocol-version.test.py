import ssl
from ssl import PROTOCOL_TLSv1, TLSVersion
from OpenSSL import SSL

# ruleid: py-ssl-insecure-protocol-version
ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)

# ruleid: py-ssl-insecure-protocol-version
legacy = ssl.SSLContext(protocol=PROTOCOL_TLSv1)

ctx2 = ssl.create_default_context()
# ruleid: py-ssl-insecure-protocol-version
ctx2.minimum_version = ssl.TLSVersion.TLSv1_1

# ruleid: py-ssl-insecure-protocol-version
ctx2.maximum_version = TLSVersion.TLSv1

# ruleid: py-ssl-insecure-protocol-version
conn_ctx = SSL.Context(SSL.SSLv3_METHOD)

# ok: py-ssl-insecure-protocol-version
ctx3 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)

# ok: py-ssl-insecure-protocol-version
ctx3.minimum_version = ssl.TLSVersion.TLSv1_2

# ok: py-ssl-insecure-protocol-version
ctx3.options |= ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1

# ok: py-ssl-insecure-protocol-version
if ctx3.protocol == ssl.PROTOCOL_TLSv1:
    pass

# ok: py-ssl-insecure-protocol-version
conn = SSL.Context(SSL.TLS_CLIENT_METHOD)

_openssl_versions = {}
# ok: py-ssl-insecure-protocol-version
_openssl_versions[ssl.PROTOCOL_TLSv1_1] = SSL.TLSv1_1_METHOD
