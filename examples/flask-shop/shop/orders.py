import csv
import io
import os
import subprocess
from datetime import date

from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request, send_file, url_for

from .auth import login_required
from .db import get_db, query

bp = Blueprint("orders", __name__, url_prefix="/orders")

INVOICE_DIR = os.environ.get("INVOICE_DIR", "/srv/shop/invoices")


@bp.route("/")
@login_required
def list_orders():
    orders = query("SELECT * FROM orders WHERE user_id = ? ORDER BY created_at DESC", (g.user["id"],))
    return render_template("orders.html", orders=orders)


@bp.route("/checkout", methods=("POST",))
@login_required
def checkout():
    db = get_db()
    cart = query("SELECT product_id, quantity, price FROM cart_items JOIN products ON products.id = product_id WHERE user_id = ?", (g.user["id"],))
    if not cart:
        return redirect(url_for("catalog.index"))
    total = sum(item["quantity"] * item["price"] for item in cart)
    cur = db.execute("INSERT INTO orders (user_id, total, created_at) VALUES (?, ?, ?)", (g.user["id"], total, date.today()))
    db.executemany(
        "INSERT INTO order_items (order_id, product_id, quantity, price) VALUES (?, ?, ?, ?)",
        [(cur.lastrowid, i["product_id"], i["quantity"], i["price"]) for i in cart],
    )
    db.execute("DELETE FROM cart_items WHERE user_id = ?", (g.user["id"],))
    db.commit()
    return redirect(url_for("orders.list_orders"))


@bp.route("/<int:order_id>/invoice")
@login_required
def invoice(order_id):
    order = query("SELECT * FROM orders WHERE id = ? AND user_id = ?", (order_id, g.user["id"]), one=True)
    if order is None:
        abort(404)
    pdf = os.path.join(INVOICE_DIR, f"invoice-{order_id}.pdf")
    if not os.path.exists(pdf):
        html = render_template("invoice.html", order=order)
        subprocess.run(["weasyprint", "-", pdf], input=html.encode(), check=True)
    return send_file(pdf, download_name=f"invoice-{order_id}.pdf")


@bp.route("/invoices/download")
@login_required
def download_invoice():
    name = request.args.get("file")
    return send_file(os.path.join(INVOICE_DIR, name), as_attachment=True)


@bp.route("/export.csv")
@login_required
def export_csv():
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["order", "date", "total"])
    for o in query("SELECT id, created_at, total FROM orders WHERE user_id = ?", (g.user["id"],)):
        writer.writerow([o["id"], o["created_at"], o["total"]])
    return Response(buf.getvalue(), mimetype="text/csv", headers={"Content-Disposition": "attachment; filename=orders.csv"})


@bp.route("/report")
@login_required
def yearly_report():
    year = request.args.get("year", str(date.today().year))
    out = os.path.join(current_app.config["INVOICE_FOLDER"], f"report-{g.user['id']}.zip")
    subprocess.run(f"zip -j {out} {INVOICE_DIR}/invoice-*-{year}.pdf", shell=True, check=True)
    return send_file(out, as_attachment=True, download_name=f"orders-{year}.zip")
