import ast
import json

from django.http import JsonResponse
from flask import Flask, jsonify, request
from PIL import Image, ImageMath

app = Flask(__name__)
OPERATIONS = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "")
    # ruleid: py-code-injection
    result = eval(expr)
    # ok: py-code-injection
    literal = ast.literal_eval(expr)
    # ok: py-code-injection
    parsed = json.loads(expr)
    return jsonify(result=result, literal=literal, parsed=parsed)


@app.route("/search")
def search():
    # ruleid: py-code-injection
    price_range = ast.literal_eval(request.args.get("price", "(0, 100000)"))
    return jsonify(low=price_range[0], high=price_range[1])


@app.route("/run", methods=["POST"])
def run():
    body = request.json
    code = "def handler():\n    return {}\n".format(body["expr"])
    # ruleid: py-code-injection
    exec(code)
    # ruleid: py-code-injection
    compiled = compile(f"x = {request.form['value']}", "<input>", "exec")
    # ok: py-code-injection
    exec("counter = 0")
    return "ok" if compiled else "no"


@app.route("/op/<name>")
def op(name):
    # ok: py-code-injection
    fn = OPERATIONS.get(name)
    a = int(request.args["a"])
    # ok: py-code-injection
    total = eval(f"{a} + 1")
    return jsonify(fn(a, total) if fn else None)


@app.route("/field")
def field():
    name = request.args["name"]
    if not name.isidentifier():
        return "bad", 400
    # ok: py-code-injection
    value = eval(f"settings.{name}")
    return str(value)


def evaluate(source):
    return eval(source, {"__builtins__": {}})


@app.route("/expr")
def expr_view():
    # ruleid: py-code-injection
    evaluate(request.args["q"])
    # ok: py-code-injection
    evaluate("1 + 1")
    return "ok"


# Not request data.
DEFAULTS = "{'debug': False}"
# ok: py-code-injection
SETTINGS = eval(DEFAULTS)


# Django view
def formula(request):
    cells = [request.POST.get("a"), request.POST.get("b")]
    # ruleid: py-code-injection
    total = eval("+".join(cells))
    return JsonResponse({"total": total})


# Pillow's ImageMath.eval compiles its expression with Python's eval.
@app.route("/blend", methods=["POST"])
def blend():
    img = Image.open(request.files["image"])
    expr = request.form.get("expr", "")
    # ruleid: py-code-injection
    out = ImageMath.eval(expr, a=img)
    # ruleid: py-code-injection
    out2 = ImageMath.unsafe_eval(expression=expr, a=img)
    # ok: py-code-injection
    fixed = ImageMath.eval("convert(max(a, 128), 'L')", a=img)
    return jsonify(size=out.size, size2=out2.size, fixed=fixed.size)
