from flask import Flask

app = Flask(__name__)

# ruleid: py-flask-wtf-csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False


class ProductionConfig:
    SECRET_KEY = os.environ["SECRET_KEY"]
    # ruleid: py-flask-wtf-csrf-disabled
    WTF_CSRF_ENABLED = False


class TestingConfig:
    TESTING = True
    # ok: py-flask-wtf-csrf-disabled
    WTF_CSRF_ENABLED = False


def test_login(client):
    # ok: py-flask-wtf-csrf-disabled
    app.config["WTF_CSRF_ENABLED"] = False


# ok: py-flask-wtf-csrf-disabled
WTF_CSRF_ENABLED = True


def create_app():
    app = Flask(__name__)
    # ruleid: py-flask-wtf-csrf-disabled
    app.config["WTF_CSRF_ENABLED"] = False
    return app
