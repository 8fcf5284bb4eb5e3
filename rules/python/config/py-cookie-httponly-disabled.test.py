from flask import Flask

app = Flask(__name__)

# ruleid: py-cookie-httponly-disabled
SESSION_COOKIE_HTTPONLY = False

# ruleid: py-cookie-httponly-disabled
app.config["SESSION_COOKIE_HTTPONLY"] = False

# ok: py-cookie-httponly-disabled
CSRF_COOKIE_HTTPONLY = False

# ok: py-cookie-httponly-disabled
SESSION_COOKIE_HTTPONLY = True

# ok: py-cookie-httponly-disabled
response.set_cookie("theme", "dark", httponly=False)
