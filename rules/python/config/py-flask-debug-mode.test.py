import asyncio
from flask import Flask
from flask_socketio import SocketIO

app = Flask(__name__)
socketio = SocketIO(app)

if __name__ == "__main__":
    # ruleid: py-flask-debug-mode
    app.run(host="0.0.0.0", port=8080, debug=True)


def serve():
    # ruleid: py-flask-debug-mode
    socketio.run(app, debug=True)


def dash_main(dash_app):
    # ruleid: py-flask-debug-mode
    dash_app.run_server(debug=True, port=8050)


# ok: py-flask-debug-mode
app.run(host="127.0.0.1", port=5000)

# ok: py-flask-debug-mode
app.run(debug=False)

# ok: py-flask-debug-mode
asyncio.run(main(), debug=True)

# ok: py-flask-debug-mode
app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
