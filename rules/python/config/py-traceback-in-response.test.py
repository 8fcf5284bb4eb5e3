import logging
import traceback

from django.http import HttpResponseServerError, JsonResponse
from flask import jsonify


def checkout():
    try:
        process()
    except Exception:
        # ruleid: py-traceback-in-response
        return jsonify(error="failed", trace=traceback.format_exc()), 500


def view(request):
    try:
        process()
    except Exception as exc:
        # ruleid: py-traceback-in-response
        return HttpResponseServerError(traceback.format_exc())


def safe():
    try:
        process()
    except Exception:
        logging.error(traceback.format_exc())
        # ok: py-traceback-in-response
        return JsonResponse({"error": "internal error"}, status=500)


def last_chance():
    try:
        process()
    except Exception:
        # ok: py-traceback-in-response
        return HttpResponseServerError(traceback.format_exc() if settings.DEBUG else "Internal Server Error")
