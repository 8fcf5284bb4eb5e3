import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")

SORTABLE = {"name", "created", "price"}


@app.route("/products")
def products():
    column = request.args.get("sort", "name")
    if column in SORTABLE:
        # ok: py-sql-injection
        return {"rows": db.execute("SELECT * FROM products ORDER BY " + column).fetchall()}
    # ruleid: py-sql-injection
    return {"rows": db.execute("SELECT * FROM products ORDER BY " + column + " DESC").fetchall()}
