import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/logs")
def logs():
    folder = request.args.get("folder")
    folder = "/var/log/app"
    # ok: py-command-injection
    return subprocess.check_output("ls -1 " + folder, shell=True)


@app.route("/logs/tail")
def tail():
    name = "app.log"
    name = request.args.get("file")
    # ruleid: py-command-injection
    return subprocess.check_output("tail -n 50 " + name, shell=True)
