import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


def report_name(requested):
    return "monthly-report"


default_name = lambda requested: "summary"


def pass_through(requested):
    return requested


@app.route("/report")
def report():
    # ok: py-command-injection
    os.system("cat reports/" + report_name(request.args["name"]))
    # ok: py-command-injection
    os.system("cat reports/" + default_name(request.args["name"]))
    # ruleid: py-command-injection
    os.system("cat reports/" + pass_through(request.args["name"]))
    return "ok"
