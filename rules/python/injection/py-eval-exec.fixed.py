import ast
import builtins
from builtins import eval as evaluate


def calc(expr, code, request):
    # ruleid: py-eval-exec
    result = eval(expr)
    # ruleid: py-eval-exec
    exec(code, {"__builtins__": {}})
    # ruleid: py-eval-exec
    value = ast.literal_eval(request.args["q"])
    # ruleid: py-eval-exec
    builtins.exec(f"x = {code}")
    # ruleid: py-eval-exec
    total = evaluate("1 + " + expr)
    return result


SOURCE = "print('hello')"
# ok: py-eval-exec
eval("1 + 2")
# ok: py-eval-exec
exec(SOURCE)
# ok: py-eval-exec
model.eval()
# ok: py-eval-exec
cursor.exec(query)
# ok: py-eval-exec
data = ast.literal_eval(text)
