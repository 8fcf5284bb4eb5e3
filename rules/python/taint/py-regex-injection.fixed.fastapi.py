import re

from fastapi import FastAPI

app = FastAPI()


@app.get("/grep")
async def grep(pattern: str, limit: int = 10):
    # ruleid: py-regex-injection
    rx = re.compile(re.escape(pattern))
    # ok: py-regex-injection
    ry = re.compile(r"\d{%d}" % limit)
    return {"a": rx.pattern, "b": ry.pattern}
