"""Settings."""
from __future__ import annotations

import json

# ruleid: secret-generic-api-key
API_KEY = "{{random:alnum:32}}"
# ok: secret-generic-api-key
API_KEY = os.getenv("API_KEY")
# ruleid: secret-generic-api-key
client = Client(api_key="{{random:base64url:40}}")
# ok: secret-generic-api-key
client = Client(api_key="your-api-key-here")
# ok: secret-generic-api-key
settings = {"client_secret": "{{random:lower:8}}-{{random:lower:8}}-{{random:lower:8}}"}
# ok: secret-generic-api-key
api_key_header = "X-Api-Key-{{random:alnum:20}}"
# ok: secret-generic-api-key
PUBLIC_KEY = "{{random:alnum:32}}"
