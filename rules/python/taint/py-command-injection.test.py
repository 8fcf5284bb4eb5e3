import os
import shlex
import subprocess

from django.http import HttpResponse, JsonResponse
from flask import Flask, request
from rest_framework.decorators import api_view
from rest_framework.response import Response

app = Flask(__name__)
ALLOWED_TOOLS = {"ping", "traceroute"}


@app.route("/count")
def count():
    name = request.args.get("name")
    if isinstance(name, str):
        # A string is what request data is: the check proves nothing.
        # ruleid: py-command-injection
        os.system("touch " + name)
    n = request.get_json().get("n")
    if isinstance(n, (int, float)):
        # ok: py-command-injection
        os.system("sleep " + str(n))
    return "ok"


@app.route("/ping")
def ping():
    host = request.args.get("host")
    # ruleid: py-command-injection
    os.system("ping -c 1 " + host)
    # ruleid: py-command-injection
    out = subprocess.check_output(f"ping -c 1 {host}", shell=True)
    # ok: py-command-injection
    subprocess.run(["ping", "-c", "1", host], check=True)
    # ok: py-command-injection
    subprocess.run("ping -c 1 " + shlex.quote(host), shell=True)
    # ok: py-command-injection
    subprocess.run("ping -c 1 localhost", shell=True)
    return out


@app.route("/convert", methods=["POST"])
def convert():
    data = request.get_json()
    fmt, name = data["format"], data["name"]
    cmd = "convert %s out.%s" % (name, fmt)
    # ruleid: py-command-injection
    subprocess.Popen(cmd, shell=True)
    # ruleid: py-command-injection
    subprocess.call(args="tar czf {}.tgz .".format(request.form["archive"]), shell=True)
    # ok: py-command-injection
    subprocess.call(["convert", name, "out.png"], shell=False)
    return "ok"


@app.route("/tool/<tool>")
def tool(tool):
    if tool not in ALLOWED_TOOLS:
        return "no", 400
    # ok: py-command-injection
    os.system(f"{tool} example.com")
    return "ok"


@app.route("/count/<int:n>")
def count(n: int):
    # ok: py-command-injection
    os.system(f"seq {n}")
    return "ok"


@app.route("/rev/<name>")
def rev(name):
    # ruleid: py-command-injection
    os.popen("git log " + name).read()
    # ok: py-command-injection
    os.popen("git log " + str(int(request.args["n"]))).read()
    return "ok"


def archive(path):
    return subprocess.getoutput("tar czf /tmp/a.tgz " + path)


@app.route("/archive")
def archive_view():
    # ruleid: py-command-injection
    archive(request.args["path"])
    # ok: py-command-injection
    archive("/srv/static")
    return "ok"


@app.route("/digits")
def digits():
    num = request.args.get("num", "")
    if not num.isdigit():
        return "bad", 400
    # ok: py-command-injection
    os.system("kill -HUP " + num)
    return "ok"


# Configuration, not request data.
BACKUP_DIR = os.environ.get("BACKUP_DIR", "/var/backups")
# ok: py-command-injection
os.system("ls " + BACKUP_DIR)


# Django function view
def lookup(request):
    domain = request.GET["domain"]
    # ruleid: py-command-injection
    result = subprocess.check_output("nslookup " + domain, shell=True)
    return HttpResponse(result)


# Django REST framework
@api_view(["POST"])
def run_job(request):
    args = [request.data.get("target")]
    # ruleid: py-command-injection
    os.system("job " + " ".join(args))
    return Response({"ok": True})


def with_callback(request):
    names = request.POST.getlist("names")
    # ruleid: py-command-injection
    outputs = [subprocess.getoutput(f"file {n}") for n in names]
    return JsonResponse({"out": outputs})
