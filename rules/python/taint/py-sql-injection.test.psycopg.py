# psycopg2: the fix binds values as %s placeholders.
import psycopg2

from flask import Flask, request

app = Flask(__name__)
conn = psycopg2.connect("dbname=app")


@app.route("/orders")
def orders():
    cur = conn.cursor()
    # ruleid: py-sql-injection
    cur.execute("SELECT * FROM orders WHERE customer = '" + request.args["c"] + "'")
    # ok: py-sql-injection
    cur.execute("SELECT * FROM orders WHERE customer = %s", (request.args["c"],))
    return "ok"
