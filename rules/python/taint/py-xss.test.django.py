from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader


def index(request):
    template = loader.get_template("polls/index.html")
    context = {"q": request.GET.get("q")}
    context.update({"page": request.GET.get("page")})
    # Django templates escape the values they are given.
    # ok: py-xss
    return HttpResponse(template.render(context, request))


def detail(request):
    # ok: py-xss
    return render(request, "polls/detail.html", {"q": request.GET.get("q")})


def echo(request):
    parts = ["<p>"]
    parts.append(request.GET.get("q", ""))
    # ruleid: py-xss
    return HttpResponse("".join(parts))
