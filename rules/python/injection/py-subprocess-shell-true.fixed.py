import shlex
import subprocess
import subprocess as sp
from subprocess import Popen, check_output


def convert(name, host, cmd, ref):
    # ruleid: py-subprocess-shell-true
    subprocess.run(["convert", name, "out.png"], check=True)
    # ruleid: py-subprocess-shell-true
    sp.call(["ping", "-c", "1", str(host)])
    # ruleid: py-subprocess-shell-true
    out = check_output(["git", "log", "--oneline", str(ref)], text=True)
    # ruleid: py-subprocess-shell-true
    proc = Popen(cmd, shell=True)
    # ruleid: py-subprocess-shell-true
    subprocess.check_call("cat " + name + " | wc -l", shell=True)
    # ruleid: py-subprocess-shell-true
    subprocess.run("rm -rf {}".format(name), shell=1)
    # Inside the command's own quotes the quoting is undone.
    # ruleid: py-subprocess-shell-true
    subprocess.run("grep '" + shlex.quote(name) + "' log.txt", shell=True)
    # ok: py-subprocess-shell-true
    subprocess.check_call("cat " + shlex.quote(name) + " | wc -l", shell=True)
    # ok: py-subprocess-shell-true
    out = check_output(f"git log --oneline {shlex.quote(ref)}", shell=True, text=True)


# ok: py-subprocess-shell-true
subprocess.run("ls -la | wc -l", shell=True)
# ok: py-subprocess-shell-true
subprocess.run(["convert", name, "out.png"])
# ok: py-subprocess-shell-true
subprocess.run("convert " + name, shell=False)
# ok: py-subprocess-shell-true
sp.call(cmd)
# ok: py-subprocess-shell-true
subprocess.run(["ls", name], shell=True)
# ok: py-subprocess-shell-true
pool.run(f"job {name}", shell=True)


# The taint analysis shows these commands hold only constants: not reported.
def archive(name):
    parts = ["tar", "-czf", "out.tgz"]
    parts.append(name)
    # ok: py-subprocess-shell-true
    subprocess.run("echo " + parts[0], shell=True)
