import os

import jwt
import psycopg2
from flask import Flask

# ruleid: py-hardcoded-credential
SECRET_KEY = "django-insecure-7x!b0d2"

app = Flask(__name__)
# ruleid: py-hardcoded-credential
app.secret_key = "dev"
# ruleid: py-hardcoded-credential
app.config["JWT_SECRET_KEY"] = "super-secret"
# ruleid: py-hardcoded-credential
app.config.from_mapping(SECRET_KEY="dev", DATABASE="app.sqlite")

# ruleid: py-hardcoded-credential
token = jwt.encode({"sub": user_id}, "secret", algorithm="HS256")
# ruleid: py-hardcoded-credential
conn = psycopg2.connect(host="db", user="app", password="app-password", dbname="app")

signing_secret = "MYSUPERSECRETKEY"
# ruleid: py-hardcoded-credential
session_token = jwt.encode({"sub": user_id}, signing_secret, algorithm="HS256")
# ok: py-hardcoded-credential
claims = jwt.decode(session_token, key=os.environ.get("JWT_KEY", ""), algorithms=["HS256"])


class Config:
    # ruleid: py-hardcoded-credential
    SECRET_KEY = "change-me"


# ok: py-hardcoded-credential
SECRET_KEY = os.environ["SECRET_KEY"]
# ok: py-hardcoded-credential
SECRET_KEY = "{{ secret_key }}"
# ok: py-hardcoded-credential
app.secret_key = os.urandom(32)
# ok: py-hardcoded-credential
token = jwt.encode({"sub": user_id}, settings.JWT_KEY, algorithm="HS256")
# ok: py-hardcoded-credential
conn = psycopg2.connect(host="localhost", user="app", password="")


def test_login():
    # ok: py-hardcoded-credential
    app.secret_key = "test"
