from flask import Flask

app = Flask(__name__)

# ruleid: py-cookie-secure-disabled
SESSION_COOKIE_SECURE = False

# ruleid: py-cookie-secure-disabled
CSRF_COOKIE_SECURE = False

# ruleid: py-cookie-secure-disabled
app.config["SESSION_COOKIE_SECURE"] = False

# ruleid: py-cookie-secure-disabled
app.config["REMEMBER_COOKIE_SECURE"] = False

# ok: py-cookie-secure-disabled
SESSION_COOKIE_SECURE = True

# ok: py-cookie-secure-disabled
SESSION_COOKIE_SECURE = not DEBUG

# ok: py-cookie-secure-disabled
SESSION_COOKIE_SAMESITE = "Lax"
