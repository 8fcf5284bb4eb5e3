from fastapi import FastAPI

app = FastAPI()


@app.get("/calc")
async def calc(expr: str, digits: int = 2):
    # ruleid: py-code-injection
    value = eval(expr)
    # ok: py-code-injection
    rounded = eval(f"round(1.23456, {digits})")
    return {"value": value, "rounded": rounded}
