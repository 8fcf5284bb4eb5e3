from fastapi import FastAPI
from jinja2 import Environment

app = FastAPI()
env = Environment()


@app.post("/render")
async def render(template: str, name: str = "world"):
    # ruleid: py-template-injection
    out = env.from_string(template).render()
    # ok: py-template-injection
    out += env.from_string("Hello {{ name }}").render(name=name)
    return {"out": out}
