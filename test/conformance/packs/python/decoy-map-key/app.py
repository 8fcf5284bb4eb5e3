import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    settings = {}
    settings["target"] = request.args["host"]
    settings["count"] = "3"
    # ok: py-command-injection
    os.system("ping -c " + settings["count"] + " localhost")
    # ok: py-command-injection
    os.system("ping -c " + settings.get("count", "1") + " localhost")
    # ruleid: py-command-injection
    os.system("ping -c 1 " + settings.get("target"))
    # ruleid: py-command-injection
    os.system("ping -c 1 " + settings["target"])
    return "ok"
