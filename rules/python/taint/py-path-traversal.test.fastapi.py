from pathlib import Path

import aiofiles
from fastapi import FastAPI, UploadFile
from fastapi.responses import FileResponse

app = FastAPI()
BASE = Path("/srv/data")


@app.get("/files/{name}")
async def get_file(name: str):
    # ruleid: py-path-traversal
    async with aiofiles.open(f"/srv/data/{name}") as f:
        return await f.read()


@app.post("/upload")
async def upload(file: UploadFile):
    # ruleid: py-path-traversal
    with open(f"/srv/uploads/{file.filename}", "wb") as out:
        out.write(await file.read())
    return {"ok": True}


@app.get("/logs/{day}")
async def logs(day: int):
    # ok: py-path-traversal
    return FileResponse(f"/var/log/app-{day}.log")


@app.get("/pathlib")
async def via_pathlib(name: str):
    # todoruleid: py-path-traversal
    return (BASE / name).read_text()
