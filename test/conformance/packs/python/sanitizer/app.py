import shlex
import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/invoice")
def invoice():
    invoice_id = int(request.args["id"])
    # ok: py-sql-injection
    a = db.execute("SELECT * FROM invoices WHERE id = %d" % invoice_id).fetchall()

    # Quoted for a shell, not for SQL: the statement is still built from the value.
    note = shlex.quote(request.args["note"])
    # ruleid: py-sql-injection
    b = db.execute("SELECT * FROM invoices WHERE note = '" + note + "'").fetchall()
    return {"a": a, "b": b}
