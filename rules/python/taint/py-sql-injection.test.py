import sqlite3

from django.db import connection
from django.http import HttpResponse
from flask import Flask, request
from sqlalchemy import text

from .models import Entry

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/user")
def user():
    uid = request.args.get("id")
    cur = db.cursor()
    # ruleid: py-sql-injection
    cur.execute(f"SELECT * FROM users WHERE id = {uid}")
    # ok: py-sql-injection
    cur.execute("SELECT * FROM users WHERE id = ?", (uid,))
    # ruleid: py-sql-injection
    cur.execute("SELECT * FROM users WHERE name = '%s'" % request.form["name"])
    return "ok"


def find_orders(customer):
    query = "SELECT * FROM orders WHERE customer = '{}'".format(customer)
    with connection.cursor() as cursor:
        cursor.execute(query)
        return cursor.fetchall()


def orders_view(request):
    # ruleid: py-sql-injection
    rows = find_orders(request.GET["customer"])
    # ok: py-sql-injection
    safe = find_orders(str(int(request.GET["page"])))
    return HttpResponse(len(rows) + len(safe))


def entries_view(request):
    headline = request.GET.get("headline")
    # ruleid: py-sql-injection
    found = Entry.objects.extra(where=["headline = '%s'" % headline])
    # ok: py-sql-injection
    same = Entry.objects.extra(where=["headline = %s"], params=[headline])
    return HttpResponse(len(found) + len(same))


@app.get("/items/<int:item_id>")
def item(item_id: int):
    # ok: py-sql-injection
    db.execute(f"SELECT * FROM items WHERE id = {item_id}")


@app.route("/search/<term>")
def search(term):
    # ruleid: py-sql-injection
    db.execute(text("SELECT * FROM items WHERE name LIKE '%" + term + "%'"))
    return "ok"


SORTABLE = {"name", "created"}


@app.route("/sorted")
def sorted_items():
    column = request.args.get("sort", "name")
    if column not in SORTABLE:
        return "bad", 400
    # ok: py-sql-injection
    db.execute(f"SELECT * FROM items ORDER BY {column}")
    return "ok"


def nightly_cleanup(days=30):
    # ok: py-sql-injection
    db.execute(f"DELETE FROM audit WHERE age > {days}")
