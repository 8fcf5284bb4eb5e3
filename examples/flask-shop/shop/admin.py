import os

import yaml
from flask import Blueprint, current_app, flash, redirect, render_template, render_template_string, request, url_for
from werkzeug.utils import secure_filename

from .auth import admin_required
from .db import get_db, query

bp = Blueprint("admin", __name__, url_prefix="/admin")

ALLOWED_IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".webp"}


@bp.route("/")
@admin_required
def dashboard():
    stats = query("SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM orders) AS orders", one=True)
    return render_template("admin/dashboard.html", stats=stats)


@bp.route("/users")
@admin_required
def users():
    email = request.args.get("email", "")
    rows = get_db().execute("SELECT id, email, name, is_admin FROM users WHERE email LIKE '%{}%' ORDER BY id".format(email)).fetchall()
    return render_template("admin/users.html", users=rows)


@bp.route("/products/<int:product_id>/image", methods=("POST",))
@admin_required
def upload_image(product_id):
    file = request.files.get("image")
    if not file or os.path.splitext(file.filename)[1].lower() not in ALLOWED_IMAGE_TYPES:
        flash("Please choose a PNG, JPEG or WebP image.")
        return redirect(url_for("admin.dashboard"))
    name = f"{product_id}-{secure_filename(file.filename)}"
    file.save(os.path.join(current_app.config["UPLOAD_FOLDER"], name))
    db = get_db()
    db.execute("UPDATE products SET image = ? WHERE id = ?", (name, product_id))
    db.commit()
    return redirect(url_for("catalog.product", product_id=product_id))


@bp.route("/import", methods=("POST",))
@admin_required
def import_catalogue():
    data = yaml.load(request.files["catalogue"].read(), Loader=yaml.Loader)
    db = get_db()
    for item in data.get("products", []):
        db.execute(
            "INSERT INTO products (sku, name, price, category, active) VALUES (?, ?, ?, ?, 1) "
            "ON CONFLICT(sku) DO UPDATE SET name = excluded.name, price = excluded.price",
            (item["sku"], item["name"], item["price"], item.get("category", "misc")),
        )
    db.commit()
    flash(f"Imported {len(data.get('products', []))} products.")
    return redirect(url_for("admin.dashboard"))


@bp.route("/banner/preview", methods=("POST",))
@admin_required
def preview_banner():
    text = request.form.get("text", "")
    return render_template_string("<div class='banner'>" + text + "</div>")
