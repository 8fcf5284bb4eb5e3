import hashlib
import hmac
import json
import os

import requests
from flask import Blueprint, abort, jsonify, request

from .auth import admin_required
from .db import get_db

bp = Blueprint("webhooks", __name__, url_prefix="/hooks")

PAYMENT_SECRET = os.environ.get("PAYMENT_WEBHOOK_SECRET", "")
SUPPLIER_API = "https://api.supplier.example/v2"


@bp.route("/payments", methods=("POST",))
def payment_event():
    payload = request.get_data()
    expected = hmac.new(PAYMENT_SECRET.encode(), payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        abort(400)
    event = json.loads(payload)
    if event.get("type") == "payment.succeeded":
        db = get_db()
        db.execute("UPDATE orders SET paid = 1 WHERE id = ?", (event["data"]["order_id"],))
        db.commit()
    return "", 204


@bp.route("/legacy-payments", methods=("POST",))
def legacy_payment_event():
    # The old provider signs md5(body + secret); still used by a few stores.
    payload = request.get_data()
    signature = hashlib.md5(payload + PAYMENT_SECRET.encode()).hexdigest()
    if signature != request.headers.get("X-Legacy-Signature"):
        abort(400)
    return "", 204


@bp.route("/supplier/prices", methods=("POST",))
@admin_required
def refresh_prices():
    feed_url = request.form.get("feed_url") or f"{SUPPLIER_API}/prices"
    resp = requests.get(feed_url, timeout=10)
    resp.raise_for_status()
    db = get_db()
    for row in resp.json()["prices"]:
        db.execute("UPDATE products SET price = ? WHERE sku = ?", (row["price"], row["sku"]))
    db.commit()
    return jsonify(updated=len(resp.json()["prices"]))


@bp.route("/supplier/stock/<sku>")
@admin_required
def stock(sku):
    resp = requests.get(f"{SUPPLIER_API}/stock/{sku}", timeout=10, verify=False)
    return jsonify(resp.json())
