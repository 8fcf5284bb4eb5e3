import base64
import json
import pickle

import jsonpickle
import yaml
from django.http import JsonResponse
from flask import Flask, request
from rest_framework.decorators import api_view
from rest_framework.response import Response

app = Flask(__name__)


@app.route("/session")
def session():
    raw = base64.b64decode(request.cookies.get("session"))
    # ruleid: py-unsafe-deserialization
    state = pickle.loads(raw)
    # ok: py-unsafe-deserialization
    plain = json.loads(raw)
    return str(state) + str(plain)


@app.route("/config", methods=["POST"])
def config():
    text = request.get_data(as_text=True)
    # ruleid: py-unsafe-deserialization
    conf = yaml.load(text, Loader=yaml.Loader)
    # ruleid: py-unsafe-deserialization
    more = yaml.unsafe_load(text)
    # ok: py-unsafe-deserialization
    safe = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: py-unsafe-deserialization
    safer = yaml.safe_load(text)
    return json.dumps([conf, more, safe, safer])


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["model"]
    # ruleid: py-unsafe-deserialization
    model = pickle.load(f)
    return str(model)


def restore(blob):
    return jsonpickle.decode(blob)


@app.route("/restore", methods=["POST"])
def restore_view():
    # ruleid: py-unsafe-deserialization
    obj = restore(request.form["state"])
    # ok: py-unsafe-deserialization
    default = restore('{"py/object": "builtins.dict"}')
    return str(obj) + str(default)


# The application's own file, not request data.
with open("cache.pkl", "rb") as fh:
    # ok: py-unsafe-deserialization
    CACHE = pickle.load(fh)


# Django view
def import_data(request):
    # ruleid: py-unsafe-deserialization
    rows = pickle.loads(request.body)
    return JsonResponse({"n": len(rows)})


# DRF
@api_view(["POST"])
def import_yaml(request):
    # ruleid: py-unsafe-deserialization
    data = yaml.load(request.data["yaml"])
    return Response(data)
