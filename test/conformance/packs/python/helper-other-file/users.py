import sqlite3

db = sqlite3.connect("app.db")


def find_user(name):
    return db.execute("SELECT * FROM users WHERE name = '" + name + "'").fetchall()
