import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/user")
def user():
    name = request.args.get("name")  # trace-line
    label = "user:" + name  # trace-line
    key = label.strip()  # trace-line
    # ruleid: py-sql-injection
    return {"rows": db.execute("SELECT * FROM users WHERE name = '" + key + "'").fetchall()}  # trace-line
