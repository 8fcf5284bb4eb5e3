import sqlite3
import pandas as pd
from django.db.models.expressions import RawSQL
from django.db import connection

conn = sqlite3.connect("app.db")
cur = conn.cursor()


def find_user(uid, name, table, order):
    # ruleid: py-sql-query-built-from-strings
    cur.execute(f"SELECT * FROM users WHERE id = {uid}")
    # ruleid: py-sql-query-built-from-strings
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: py-sql-query-built-from-strings
    conn.execute("DELETE FROM users WHERE id = {}".format(uid))
    # ruleid: py-sql-query-built-from-strings
    cur.executemany("INSERT INTO " + table + " VALUES (?, ?)", rows)
    with connection.cursor() as c:
        # ruleid: py-sql-query-built-from-strings
        c.execute("SELECT id FROM users ORDER BY " + order)
    # ruleid: py-sql-query-built-from-strings
    people = Person.objects.raw(f"SELECT * FROM myapp_person WHERE last_name = '{name}'")
    # ruleid: py-sql-query-built-from-strings
    qs = Person.objects.annotate(val=RawSQL("SELECT col FROM t WHERE id = %s" % uid, ()))
    # ruleid: py-sql-query-built-from-strings
    df = pd.read_sql(f"select * from {table} where day = '{day}'", conn)
    # ruleid: py-sql-query-built-from-strings
    cur.executescript("UPDATE users SET name = '" + name + "' WHERE id = 1;")


def safe(uid, name, query):
    # ok: py-sql-query-built-from-strings
    cur.execute("SELECT * FROM users WHERE id = ?", (uid,))
    # ok: py-sql-query-built-from-strings
    cur.execute("SELECT * FROM users WHERE name = %s", [name])
    # ok: py-sql-query-built-from-strings
    cur.execute(query)
    # ok: py-sql-query-built-from-strings
    cur.execute("SELECT * FROM users " "WHERE id = :id", {"id": uid})
    # ok: py-sql-query-built-from-strings
    people = Person.objects.raw("SELECT * FROM myapp_person WHERE last_name = %s", [name])
    # ok: py-sql-query-built-from-strings
    executor.execute(f"deploy {name} to staging")
    # ok: py-sql-query-built-from-strings
    log.info(f"SELECT * FROM users WHERE id = {uid}")
    # ok: py-sql-query-built-from-strings
    cur.execute("SELECT COUNT(*) FROM %s" % connection.ops.quote_name(table))
