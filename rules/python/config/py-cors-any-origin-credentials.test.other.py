CORS_ALLOW_CREDENTIALS = True
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
# ok: py-cors-any-origin-credentials
CORS_ORIGIN_ALLOW_ALL = False
