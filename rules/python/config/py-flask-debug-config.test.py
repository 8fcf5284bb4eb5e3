from flask import Flask
from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

app = Flask(__name__)
# ruleid: py-flask-debug-config
app.debug = True
# ruleid: py-flask-debug-config
app.config["DEBUG"] = True
# ruleid: py-flask-debug-config
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=True)

# ruleid: py-flask-debug-config
wsgi = DebuggedApplication(app, evalex=True)

if __name__ == "__main__":
    # ruleid: py-flask-debug-config
    run_simple("0.0.0.0", 5000, app, use_debugger=True, use_reloader=True)

# ok: py-flask-debug-config
app.debug = False
# ok: py-flask-debug-config
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
# ok: py-flask-debug-config
app.config.update(TESTING=True)


def test_debug_page():
    # ok: py-flask-debug-config
    app.debug = True
