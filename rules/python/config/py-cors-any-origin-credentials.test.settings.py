INSTALLED_APPS = ["corsheaders"]

# ruleid: py-cors-any-origin-credentials
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True
