import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/report")
def report():
    region = request.args["region"]
    num = 86
    if (7 * 42) - num > 200:
        wanted = "EU"
    else:
        wanted = region
    # ok: py-sql-injection
    return {"rows": db.execute("SELECT * FROM sales WHERE region = '" + wanted + "'").fetchall()}


@app.route("/report/all")
def report_all():
    region = request.args["region"]
    num = 106
    if (7 * 42) - num > 200:
        wanted = "EU"
    else:
        wanted = region
    # ruleid: py-sql-injection
    return {"rows": db.execute("SELECT * FROM sales WHERE region = '" + wanted + "'").fetchall()}
