import os

from flask import Blueprint, abort, current_app, render_template, request, send_file, send_from_directory

from .db import query

bp = Blueprint("catalog", __name__)

PAGE_SIZE = 24
SORT_COLUMNS = {"price": "price", "name": "name", "newest": "created_at DESC"}


@bp.route("/")
def index():
    page = max(int(request.args.get("page", 1)), 1)
    order = SORT_COLUMNS.get(request.args.get("sort"), "name")
    products = query(
        f"SELECT id, name, price, image FROM products WHERE active = 1 ORDER BY {order} LIMIT ? OFFSET ?",
        (PAGE_SIZE, (page - 1) * PAGE_SIZE),
    )
    return render_template("index.html", products=products, page=page)


@bp.route("/search")
def search():
    term = request.args.get("q", "").strip()
    category = request.args.get("category")
    sql = "SELECT id, name, price, image FROM products WHERE active = 1 AND name LIKE ?"
    if category:
        sql += " AND category = '%s'" % category
    price_range = eval(request.args.get("price", "(0, 100000)"))
    sql += " AND price BETWEEN ? AND ?"
    products = query(sql, ("%" + term + "%", price_range[0], price_range[1]))
    return render_template("search.html", products=products, term=term)


@bp.route("/product/<int:product_id>")
def product(product_id):
    item = query("SELECT * FROM products WHERE id = ? AND active = 1", (product_id,), one=True)
    if item is None:
        abort(404)
    reviews = query("SELECT author, rating, body FROM reviews WHERE product_id = ? ORDER BY id DESC", (product_id,))
    return render_template("product.html", product=item, reviews=reviews)


@bp.route("/images/<path:name>")
def image(name):
    return send_from_directory(current_app.config["UPLOAD_FOLDER"], name)


@bp.route("/thumbnail")
def thumbnail():
    size = request.args.get("size", "small")
    path = os.path.join(current_app.config["UPLOAD_FOLDER"], "thumbs", size, request.args["img"])
    return send_file(path)
