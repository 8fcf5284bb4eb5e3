from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language, translate_url
from flask import Flask, request as flask_request

ERROR_FLAG = "e"
SSL_HOST = "secure.example.com"
app = Flask(__name__)


# The request's own path is a path on this site.
def changelist(request):
    # ok: py-open-redirect
    return HttpResponseRedirect(request.get_full_path())


def changelist_error(request):
    # ok: py-open-redirect
    return HttpResponseRedirect(request.path + "?" + ERROR_FLAG + "=1")


def force_https(request):
    # ok: py-open-redirect
    return HttpResponseRedirect("https://%s%s" % (SSL_HOST, request.get_full_path()))


def append_slash(request):
    # ok: py-open-redirect
    return HttpResponseRedirect("%s/" % request.path)


# A fixed prefix that pins the host or a path on this site.
def item(request):
    pk = request.GET["pk"]
    # ok: py-open-redirect
    redirect(f"https://{SSL_HOST}/items/{pk}")
    # ok: py-open-redirect
    redirect("https://www.example.com/items/{}".format(pk))
    # ok: py-open-redirect
    redirect("/items/{pk}/edit".format(pk=pk))
    # ok: py-open-redirect
    return redirect("/items/%s" % pk)


def open_item(request):
    pk = request.GET["pk"]
    # `"/%s" % x` is `//evil.example` when x starts with `/`.
    # ruleid: py-open-redirect
    redirect("/%s" % pk)
    # ruleid: py-open-redirect
    redirect(f"//{pk}")
    # ruleid: py-open-redirect
    redirect("https://" + pk)
    # ruleid: py-open-redirect
    redirect("https://{}/items".format(pk))
    # ruleid: py-open-redirect
    return redirect("https://%s%s" % (pk, request.path))


@app.route("/login")
def flask_login():
    # Flask's request.path is not modelled as same-site (a catch-all route sees `/\evil`).
    # ruleid: py-open-redirect
    return redirect(flask_request.args["next"])


# Guards with keyword arguments, also inside `A and not g(...)`.
def set_language(request):
    next_url = request.POST.get("next", request.GET.get("next"))
    if (next_url or request.accepts("text/html")) and not url_has_allowed_host_and_scheme(
        url=next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = request.META.get("HTTP_REFERER")
        if not url_has_allowed_host_and_scheme(url=next_url, allowed_hosts={request.get_host()}):
            next_url = "/"
    # ok: py-open-redirect
    response = HttpResponseRedirect(next_url) if next_url else HttpResponse(status=204)
    lang_code = request.POST.get("language")
    if lang_code and check_for_language(lang_code):
        next_trans = translate_url(next_url, lang_code)
        # ok: py-open-redirect
        response = HttpResponseRedirect(next_trans)
    return response


def checked_by_keyword(request):
    nxt = request.GET.get("next")
    if url_has_allowed_host_and_scheme(allowed_hosts={request.get_host()}, url=nxt):
        # ok: py-open-redirect
        return HttpResponseRedirect(nxt)
    # ruleid: py-open-redirect
    return HttpResponseRedirect(nxt)


def checked_only_sometimes(request):
    nxt = request.GET.get("next")
    # When the user is anonymous the value is not checked at all.
    if request.user.is_authenticated and not url_has_allowed_host_and_scheme(url=nxt, allowed_hosts=None):
        nxt = "/"
    # ruleid: py-open-redirect
    return HttpResponseRedirect(nxt)


def allow_listed(request):
    if request.GET["next"] in {"/", "/account"}:
        # ok: py-open-redirect
        return HttpResponseRedirect(request.GET["next"])
    return HttpResponseRedirect("/")


# A model's canonical URL is a path on this site, whatever request text the object holds.
def save_note(request, NoteForm):
    form = NoteForm(request.POST)
    note = form.save(commit=False)
    note.changelog_message = request.POST.get("message")
    note.save()
    # ok: py-open-redirect
    return redirect(note.get_absolute_url())


def save_note_next(request, NoteForm):
    form = NoteForm(request.POST)
    note = form.save()
    # ruleid: py-open-redirect
    return redirect(request.POST.get("next") or note.get_absolute_url())
