import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.sql import text as sql_text


def lookup(conn, name, uid, table):
    # ruleid: py-sqlalchemy-text-built
    rows = conn.execute(text(f"SELECT * FROM users WHERE name = '{name}'"))
    # ruleid: py-sqlalchemy-text-built
    stmt = sa.text("SELECT * FROM users WHERE id = %s" % uid)
    # ruleid: py-sqlalchemy-text-built
    stmt = sql_text("DELETE FROM " + table + " WHERE id = :id")
    # ruleid: py-sqlalchemy-text-built
    stmt = text("SELECT * FROM {} LIMIT 10".format(table))
    return rows


# ok: py-sqlalchemy-text-built
stmt = text("SELECT * FROM users WHERE name = :name").bindparams(name=name)
# ok: py-sqlalchemy-text-built
stmt = text("SELECT * FROM users " "WHERE id = :id")
# ok: py-sqlalchemy-text-built
stmt = text(QUERY)
# ok: py-sqlalchemy-text-built
label = widget.text(f"Hello {name}")


def normalize(session, RecipeModel, name):
    # ok: py-sqlalchemy-text-built
    session.execute(text(f"UPDATE {RecipeModel.__tablename__} SET name_normalized=:n WHERE id=:id"), {"n": name, "id": 1})
    # ruleid: py-sqlalchemy-text-built
    session.execute(text(f"UPDATE {RecipeModel.__tablename__} SET name='{name}' WHERE id=1"))
