import os
import subprocess

from flask import Flask, request

app = Flask(__name__)
SUBCOMMANDS = {"status", "log", "diff"}


@app.route("/git")
def git():
    sub = request.args["sub"]
    if sub in SUBCOMMANDS:
        # ok: py-command-injection, py-os-command-shell
        os.system("git " + sub)
    count = int(request.args["n"])
    # ok: py-command-injection, py-subprocess-shell-true
    subprocess.run("git log -n " + str(count), shell=True)
    fmt = request.args["format"]
    fmt = "oneline"
    # ok: py-command-injection, py-os-command-shell
    os.system("git log --format=" + fmt)
    # The taint finding says it (the pattern rule's report is folded into it).
    # ruleid: py-command-injection
    os.system("git show " + request.args["ref"])
    return "ok"


# A value from the caller, unseen here: the pattern rule still reports it.
def list_folder(folder):
    # ruleid: py-os-command-shell
    os.system("ls -l " + folder)
