import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/search", methods=["POST"])
def search():
    term = request.form["term"]
    pattern = "%" + term + "%"
    where = "title LIKE '" + pattern + "'"
    sql = "SELECT id, title FROM books WHERE " + where
    # ruleid: py-sql-injection
    found = db.execute(sql).fetchall()

    limit = 20
    page = "SELECT id, title FROM books LIMIT " + str(limit)
    # ok: py-sql-injection
    first = db.execute(page).fetchall()
    return {"found": found, "first": first}
