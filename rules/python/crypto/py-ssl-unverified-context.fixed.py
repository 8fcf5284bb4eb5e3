import ssl
import ssl as s
import urllib.request
from ssl import _create_unverified_context, create_default_context

# ruleid: py-ssl-unverified-context
ctx = ssl.create_default_context()

# ruleid: py-ssl-unverified-context
ctx2 = s.create_default_context(cafile="/etc/ca.pem")

# ruleid: py-ssl-unverified-context
urllib.request.urlopen("https://example.com", context=create_default_context())

# ruleid: py-ssl-unverified-context
ctx3 = ssl._create_unverified_context(ssl.PROTOCOL_TLS_CLIENT, check_hostname=False)

# ruleid: py-ssl-unverified-context
ssl._create_default_https_context = ssl._create_unverified_context

# ok: py-ssl-unverified-context
good = ssl.create_default_context()

# ok: py-ssl-unverified-context
ssl._create_default_https_context = ssl.create_default_context

# ok: py-ssl-unverified-context
other._create_unverified_context()
