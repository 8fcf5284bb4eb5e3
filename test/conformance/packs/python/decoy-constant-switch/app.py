import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/service")
def service():
    requested = request.args["service"]
    mode = "status"
    match mode:
        case "restart" | "reload":
            command = "systemctl restart " + requested
        case "status":
            command = "systemctl status nginx"
        case _:
            command = requested
    # ok: py-command-injection
    return subprocess.check_output(command, shell=True)


@app.route("/service/restart")
def restart():
    requested = request.args["service"]
    mode = "reload"
    match mode:
        case "restart" | "reload":
            command = "systemctl restart " + requested
        case "status":
            command = "systemctl status nginx"
        case _:
            command = "true"
    # ruleid: py-command-injection
    return subprocess.check_output(command, shell=True)


@app.route("/service/other")
def other():
    requested = request.args["service"]
    mode = "unknown"
    match mode:
        case "status":
            command = "systemctl status nginx"
        case _:
            command = "systemctl status " + requested
    # ruleid: py-command-injection
    return subprocess.check_output(command, shell=True)
