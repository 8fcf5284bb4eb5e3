import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/account")
def account():
    account_id = request.args["id"]
    # ruleid: py-sql-injection
    return {"rows": db.execute("SELECT * FROM accounts WHERE id = '" + account_id + "' AND active = 1").fetchall()}
