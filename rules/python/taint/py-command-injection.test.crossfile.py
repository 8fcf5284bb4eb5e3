# Flows through a helper defined in another module of the project.
from flask import Flask, request

from _helpers.backup import run_backup, run_backup_quoted

app = Flask(__name__)


@app.route("/backup")
def backup():
    # ruleid: py-command-injection
    run_backup(request.args["folder"])
    # ok: py-command-injection
    run_backup_quoted(request.args["folder"])
    # ok: py-command-injection
    run_backup("/var/data")
    return "ok"
