from flask import Flask, request

from users import find_user

app = Flask(__name__)


@app.route("/users/<name>")
def user(name):
    # ruleid: py-sql-injection
    return {"rows": find_user(name)}


@app.route("/me")
def me():
    # ok: py-sql-injection
    return {"rows": find_user("guest")}
