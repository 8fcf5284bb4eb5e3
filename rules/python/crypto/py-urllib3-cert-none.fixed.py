import ssl
import urllib3
from ssl import CERT_NONE, CERT_REQUIRED
from urllib3 import PoolManager as PM

# ruleid: py-urllib3-cert-none
http = urllib3.PoolManager()

# ruleid: py-urllib3-cert-none
pool = urllib3.HTTPSConnectionPool("example.com", 443, maxsize=4)

# ruleid: py-urllib3-cert-none
proxy = urllib3.ProxyManager("http://proxy:3128")

# ruleid: py-urllib3-cert-none
pm = PM(num_pools=2)

# ok: py-urllib3-cert-none
urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs="/etc/ssl/ca.pem")

# ok: py-urllib3-cert-none
urllib3.PoolManager(cert_reqs=CERT_REQUIRED)

# ok: py-urllib3-cert-none
urllib3.PoolManager()

# ok: py-urllib3-cert-none
other_lib.PoolManager(cert_reqs="CERT_NONE")
