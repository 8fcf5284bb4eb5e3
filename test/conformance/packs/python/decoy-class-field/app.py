import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


class Backup:
    def __init__(self):
        self.tool = "tar"

    def run(self, target):
        self.target = target
        # ok: py-command-injection
        os.system(self.tool + " --version")
        # Reported where the request value is passed in (the trace goes on into this line).
        os.system(self.tool + " -czf out.tgz " + self.target)


@app.route("/backup")
def backup():
    # ruleid: py-command-injection
    Backup().run(request.args["target"])
    # ok: py-command-injection
    Backup().run("/srv/www")
    return "ok"
