import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/run")
def run():
    cmd = request.args.get("cmd", "")
    # A shell given a command string in the argument list runs it as a command line.
    # ruleid: py-command-injection
    subprocess.run(["sh", "-c", cmd])
    # ruleid: py-command-injection
    subprocess.Popen(["/bin/bash", "-c", "echo " + shlex.quote(cmd)])
    # An argument to a program that is not a shell is not parsed by a shell.
    # ok: py-command-injection
    subprocess.run(["ls", "--", cmd])
    # ok: py-command-injection
    subprocess.run(["bash", "-c", "ls /srv", "--", cmd])
    return "ok"
