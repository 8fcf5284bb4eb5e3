import os
import pty
import sys
from os import execvp


def run(program, args, argv):
    # ruleid: py-os-spawn-exec
    os.execv(program, [program] + args)
    # ruleid: py-os-spawn-exec
    execvp(args[0], args)
    # ruleid: py-os-spawn-exec
    pid = os.spawnv(os.P_NOWAIT, program, args)
    # ruleid: py-os-spawn-exec
    pid = os.posix_spawn(program, argv, os.environ)
    # ruleid: py-os-spawn-exec
    pty.spawn(program)
    # ruleid: py-os-spawn-exec
    pty.spawn([program, "-l"])


# ok: py-os-spawn-exec
os.execv("/bin/ls", ["ls", path])
# ok: py-os-spawn-exec
os.execv(sys.executable, [sys.executable] + sys.argv)
# ok: py-os-spawn-exec
os.spawnlp(os.P_WAIT, "cp", "cp", src, dst)
# ok: py-os-spawn-exec
pty.spawn(["/bin/bash", "-l"])
# ok: py-os-spawn-exec
pty.spawn("/bin/sh")
# ok: py-os-spawn-exec
os.execvp("git", ["git", "log", ref])
