import os
import shutil
from pathlib import Path

from django.http import FileResponse, HttpResponse
from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"
ROOT = Path("/srv/files")


@app.route("/read")
def read():
    name = request.args.get("name")
    # ruleid: py-path-traversal
    with open(os.path.join(UPLOADS, os.path.basename(name))) as f:
        data = f.read()
    # ok: py-path-traversal
    with open(os.path.join(UPLOADS, secure_filename(name))) as f:
        data += f.read()
    # ok: py-path-traversal
    with open(os.path.join(UPLOADS, os.path.basename(name))) as f:
        data += f.read()
    return data


@app.route("/download/<filename>")
def download(filename):
    # ruleid: py-path-traversal
    return send_file(path_inside(UPLOADS, filename))


@app.route("/static/<path:filename>")
def static_file(filename):
    # ok: py-path-traversal
    return send_from_directory(UPLOADS, filename)


@app.route("/delete", methods=["POST"])
def delete():
    target = request.form["path"]
    # ruleid: py-path-traversal
    os.remove(path_inside(UPLOADS, f"{target}"))
    # ruleid: py-path-traversal
    shutil.rmtree(request.json["dir"])
    return "ok"


@app.route("/checked")
def checked():
    path = os.path.realpath(os.path.join(UPLOADS, request.args["p"]))
    if not path.startswith(UPLOADS + os.sep):
        abort(400)
    # ok: py-path-traversal
    return open(path).read()


@app.route("/report/<int:year>")
def report(year: int):
    # ok: py-path-traversal
    return open(f"/srv/reports/{year}.csv").read()


def load_template(name):
    with open(os.path.join("templates", name)) as fh:
        return fh.read()


@app.route("/page")
def page():
    # ruleid: py-path-traversal
    body = load_template(request.args["page"])
    # ok: py-path-traversal
    footer = load_template("footer.html")
    return body + footer


# Configuration, not request data.
LOG_DIR = os.environ.get("LOG_DIR", "/var/log/app")
# ok: py-path-traversal
os.makedirs(LOG_DIR, exist_ok=True)


# Django function view
def attachment(request):
    name = request.GET.get("file")
    # ruleid: py-path-traversal
    return FileResponse(open(os.path.join("/srv/attachments", os.path.basename(name)), "rb"))


def listing(request):
    sub = request.GET["dir"]
    # ruleid: py-path-traversal
    entries = os.listdir("/srv/public/%s" % sub)
    return HttpResponse("\n".join(entries))


def path_inside(root, relative):
    """Joins relative to root and refuses a result outside root ("../", an absolute path).

    Needs Python 3.9+ (Path.is_relative_to)."""
    base = Path(root).resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base):
        raise ValueError(f"path outside {base}: {relative!r}")
    return str(target)
