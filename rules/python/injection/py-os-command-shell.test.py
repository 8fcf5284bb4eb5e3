import os
import subprocess as sp
from os import system, popen
from subprocess import getoutput
import asyncio
import shlex


def backup(path, host, ref):
    # ruleid: py-os-command-shell
    os.system("tar -czf /tmp/backup.tgz " + path)
    # ruleid: py-os-command-shell
    system(f"ping -c 1 {host}")
    # ruleid: py-os-command-shell
    log = popen("git log %s" % ref).read()
    # ruleid: py-os-command-shell
    status, out = sp.getstatusoutput("ls -l {}".format(path))
    # ruleid: py-os-command-shell
    out = getoutput(user_command)


def quoted(path, host, prog):
    # ok: py-os-command-shell
    os.system("tar -czf /tmp/backup.tgz " + shlex.quote(path))
    # ok: py-os-command-shell
    system(f"ping -c 1 {shlex.quote(host)} > /dev/null")
    # Inside the command's own quotes the quoting is undone.
    # ruleid: py-os-command-shell
    os.system("echo '" + shlex.quote(path) + "'")
    # The value names the program to run.
    # ruleid: py-os-command-shell
    os.system(shlex.quote(prog) + " --version")
    # A shell runs its argument as a script.
    # ruleid: py-os-command-shell
    os.system("sh -c " + shlex.quote(host))
    # One value is not quoted.
    # ruleid: py-os-command-shell
    os.system("ls " + shlex.quote(path) + " " + host)
    # A function of the file that only looks like a quoting one.
    # ruleid: py-os-command-shell
    os.system("ls " + quote(path))


def quote(value):
    return value


async def run(cmd):
    # ruleid: py-os-command-shell
    proc = await asyncio.create_subprocess_shell(cmd)
    # ok: py-os-command-shell
    proc = await asyncio.create_subprocess_exec("ls", "-l", cmd)


CLEAR = "clear"
# ok: py-os-command-shell
os.system("clear")
# ok: py-os-command-shell
os.system(CLEAR)
# ok: py-os-command-shell
sp.run(["git", "log", ref])
# ok: py-os-command-shell
version = sp.getoutput("git rev-parse HEAD")
# ok: py-os-command-shell
platform.system()


# The taint analysis shows these commands hold only constants and numbers: not reported.
def rotate(name):
    keep = int(name)
    # ok: py-os-command-shell
    os.system("logrotate --keep " + str(keep))
    target = name
    target = "/var/log/app"
    # ok: py-os-command-shell
    os.system("ls " + target)
