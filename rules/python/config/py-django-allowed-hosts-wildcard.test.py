import os

# ruleid: py-django-allowed-hosts-wildcard
ALLOWED_HOSTS = ["*"]

# ruleid: py-django-allowed-hosts-wildcard
ALLOWED_HOSTS = ['localhost', '*']

# ruleid: py-django-allowed-hosts-wildcard
ALLOWED_HOSTS += ("*",)

# ok: py-django-allowed-hosts-wildcard
ALLOWED_HOSTS = ["example.com", ".example.com"]

# ok: py-django-allowed-hosts-wildcard
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")

# ok: py-django-allowed-hosts-wildcard
CORS_ALLOWED_ORIGINS = ["*"]

# ok: py-django-allowed-hosts-wildcard
ALLOWED_HOSTS = ["*.example.com"]
