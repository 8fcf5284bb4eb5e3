import shlex
import os
import subprocess
from uuid import UUID

from fastapi import Depends, FastAPI, Query

app = FastAPI()


def get_settings():
    return {"root": "/srv"}


@app.get("/ping")
async def ping(host: str):
    # ruleid: py-command-injection
    os.system(f"ping -c 1 {shlex.quote(host)}")
    return {"ok": True}


@app.get("/kill/{pid}")
async def kill(pid: int, job: UUID, settings: dict = Depends(get_settings)):
    # ok: py-command-injection
    os.system(f"kill {pid}")
    # ok: py-command-injection
    os.system(f"cancel {job}")
    # ok: py-command-injection
    os.system("ls " + settings["root"])
    return {"ok": True}


@app.post("/grep")
async def grep(pattern: str = Query(...), path: str = "."):
    # ruleid: py-command-injection
    proc = subprocess.run(f"grep -r '{pattern}' {path}", shell=True, capture_output=True)
    # ok: py-command-injection
    safe = subprocess.run(["grep", "-r", pattern, path], capture_output=True)
    return {"out": proc.stdout, "safe": safe.stdout}
