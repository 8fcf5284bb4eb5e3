import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/filter")
def filter_documents():
    criteria = {}
    criteria["owner"] = request.args["owner"]
    criteria["table"] = "documents"
    # ruleid: py-sql-injection
    a = db.execute("SELECT * FROM documents WHERE owner = '" + criteria["owner"] + "'").fetchall()
    # ok: py-sql-injection
    b = db.execute("SELECT * FROM " + criteria["table"]).fetchall()

    tags = []
    tags.append(request.args["tag"])
    # ruleid: py-sql-injection
    c = db.execute("SELECT * FROM documents WHERE tag IN ('" + "','".join(tags) + "')").fetchall()
    return {"a": a, "b": b, "c": c}
