import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/echo")
def echo():
    text = request.args["text"]
    # ruleid: py-command-injection
    os.system("echo " + text[1:])
    # ruleid: py-command-injection
    os.system("echo " + text.split(",")[0])
    # ruleid: py-command-injection
    os.system("echo " + text.strip().lower())
    # ok: py-command-injection
    os.system("echo " + str(len(text)))
    # ok: py-command-injection
    os.system("echo " + str(text.find(",")))
    # ok: py-command-injection
    os.system("echo " + str(text == "yes"))
    return "ok"
