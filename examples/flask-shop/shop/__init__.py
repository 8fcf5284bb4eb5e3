import os

from flask import Flask

from . import admin, auth, catalog, db, orders, webhooks


def create_app():
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=os.environ["SHOP_SECRET_KEY"],
        DATABASE=os.path.join(app.instance_path, "shop.sqlite3"),
        UPLOAD_FOLDER=os.path.join(app.instance_path, "uploads"),
        INVOICE_FOLDER=os.path.join(app.instance_path, "invoices"),
        MAX_CONTENT_LENGTH=8 * 1024 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    os.makedirs(app.config["UPLOAD_FOLDER"], exist_ok=True)
    os.makedirs(app.config["INVOICE_FOLDER"], exist_ok=True)

    db.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(catalog.bp)
    app.register_blueprint(orders.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(webhooks.bp)
    return app
