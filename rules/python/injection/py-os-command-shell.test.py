import os
import subprocess as sp
from os import system, popen
from subprocess import getoutput
import asyncio


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
