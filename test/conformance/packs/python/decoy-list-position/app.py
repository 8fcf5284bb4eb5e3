import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/archive")
def archive():
    names = ["readme.txt"]
    names.append(request.args["name"])
    names.append("license.txt")
    # ok: py-command-injection
    os.system("zip out.zip " + names[0])
    # ruleid: py-command-injection
    os.system("zip out.zip " + names[1])
    # ok: py-command-injection
    os.system("zip out.zip " + names[-1])

    names.pop(0)
    # ruleid: py-command-injection
    os.system("zip out.zip " + names[0])

    names.insert(0, "notes.txt")
    # ok: py-command-injection
    os.system("zip out.zip " + names[0])
    names.pop()
    # ruleid: py-command-injection
    os.system("zip out.zip " + names[-1])
    # ruleid: py-command-injection
    os.system("zip out.zip " + " ".join(names))
    return "ok"
