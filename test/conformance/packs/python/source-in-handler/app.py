import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/orders")
def orders():
    # ruleid: py-sql-injection
    rows = db.execute(f"SELECT * FROM orders WHERE customer = '{request.args['customer']}'").fetchall()
    return {"rows": rows}


@app.route("/orders/open")
def open_orders():
    # ok: py-sql-injection
    rows = db.execute("SELECT * FROM orders WHERE status = 'open'").fetchall()
    return {"rows": rows}
