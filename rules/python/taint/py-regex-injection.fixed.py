import re

from django.http import JsonResponse
from flask import Flask, jsonify, request

app = Flask(__name__)
WORDS = ["apple", "banana", "cherry"]


@app.route("/search")
def search():
    term = request.args.get("q", "")
    # ruleid: py-regex-injection
    pattern = re.compile(re.escape(term), re.I)
    # ok: py-regex-injection
    escaped = re.compile(re.escape(term), re.I)
    # ok: py-regex-injection
    plain = [w for w in WORDS if term in w]
    return jsonify([w for w in WORDS if pattern.search(w)] + [w for w in WORDS if escaped.search(w)] + plain)


@app.route("/replace", methods=["POST"])
def replace():
    data = request.get_json()
    # ruleid: py-regex-injection
    out = re.sub(re.escape(data["find"]), data["with"], data["text"])
    # ruleid: py-regex-injection
    parts = re.split(f"[{re.escape(data['sep'])}]", data["text"])
    # ok: py-regex-injection
    words = re.findall(r"\w+", data["text"])
    return jsonify(out=out, parts=parts, words=words)


@app.route("/word")
def word():
    w = request.args["w"]
    if not w.isalpha():
        return "bad", 400
    # ok: py-regex-injection
    return jsonify(bool(re.search(w, "alphabet soup")))


def matches(pattern, items):
    return [i for i in items if re.match(pattern, i)]


def first_match(pattern, items):
    for i in items:
        if re.match(pattern, i):
            return i
    return None


@app.route("/filter")
def filter_view():
    # ruleid: py-regex-injection
    a = matches(request.args["p"], WORDS)
    # ruleid: py-regex-injection
    a.append(first_match(request.args["p"], WORDS))
    # ok: py-regex-injection
    b = matches(r"^b", WORDS)
    return jsonify(a + b)


# Not request data.
STOP = "|".join(["a", "the"])
# ok: py-regex-injection
STOP_RE = re.compile(rf"\b({STOP})\b")


# Django view
def grep(request):
    needle = request.GET["needle"]
    # ruleid: py-regex-injection
    hits = [line for line in open("data.txt") if re.search(re.escape(needle), line)]
    # ruleid: py-regex-injection
    hits.append(re.findall(re.escape(needle), "data"))
    return JsonResponse({"hits": hits})
