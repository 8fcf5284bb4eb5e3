import requests
import requests as rq
from requests import get, post as http_post
from requests import api

url = "https://internal.example.com/api"

# ruleid: py-requests-verify-disabled
r = requests.get(url, verify=False)

# ruleid: py-requests-verify-disabled
rq.post(url, data={"a": 1}, verify=False, timeout=5)

# ruleid: py-requests-verify-disabled
get(url, verify=False)

# ruleid: py-requests-verify-disabled
http_post(url, json={}, verify=False)

# ruleid: py-requests-verify-disabled
requests.request("DELETE", url, verify=False)

# ruleid: py-requests-verify-disabled
api.put(url, verify=False)

# ok: py-requests-verify-disabled
requests.get(url, timeout=10)

# ok: py-requests-verify-disabled
requests.get(url, verify=True)

# ok: py-requests-verify-disabled
requests.get(url, verify="/etc/ssl/certs/internal-ca.pem")

# ok: py-requests-verify-disabled
validator.get(url, verify=False)

# ok: py-requests-verify-disabled
jwt_decode(token, verify=False)
