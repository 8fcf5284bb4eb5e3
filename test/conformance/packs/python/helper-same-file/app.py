import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


def find_by_email(email):
    return db.execute("SELECT * FROM users WHERE email = '%s'" % email).fetchall()


@app.route("/users/by-email")
def by_email():
    # ruleid: py-sql-injection
    return {"rows": find_by_email(request.args.get("email"))}


@app.route("/users/admin")
def admin():
    # ok: py-sql-injection
    return {"rows": find_by_email("admin@example.com")}
