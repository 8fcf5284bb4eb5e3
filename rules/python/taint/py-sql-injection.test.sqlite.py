# sqlite3: the fix binds values as ? placeholders.
import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/user")
def user():
    # ruleid: py-sql-injection
    row = db.execute(f"SELECT * FROM users WHERE name = '{request.args['name']}' AND age > {request.args['age']}").fetchone()
    # A table name is not a value: binding it is a syntax error, so no automatic fix.
    # ruleid: py-sql-injection
    rows = db.execute("SELECT * FROM " + request.args["table"]).fetchall()
    query = "SELECT * FROM users WHERE city = '" + request.args["city"] + "'"
    # ruleid: py-sql-injection
    found = db.execute(query).fetchall()
    # ok: py-sql-injection
    same = db.execute("SELECT * FROM users WHERE name = ?", (request.args["name"],)).fetchone()
    return str((row, rows, found, same))
