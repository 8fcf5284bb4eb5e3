from django.http import HttpResponse

LANGS = {"en", "fr"}


def set_lang(request):
    # ruleid: py-trust-boundary
    request.session["lang"] = request.GET["lang"]
    lang = request.POST.get("lang2")
    if lang in LANGS:
        # ok: py-trust-boundary
        request.session["lang2"] = lang
    # ok: py-trust-boundary
    request.session["seen"] = True
    return HttpResponse("ok")
