from django.http import HttpResponse


def login(request, user, token):
    response = HttpResponse("ok")
    # ruleid: py-cookie-flag-disabled
    response.set_cookie("userid", user.userid, max_age=31449600, samesite=None, secure=True)
    # ruleid: py-cookie-flag-disabled
    response.set_cookie(key="session", value=token, httponly=True, secure=True)
    # ok: py-cookie-flag-disabled
    response.set_cookie("session", token, secure=True, httponly=True)
    # ok: py-cookie-flag-disabled
    response.set_cookie("theme", request.GET["theme"], secure=False)
    # ok: py-cookie-flag-disabled
    response.set_cookie("csrftoken", token, httponly=False)
    return response


def client_side(client):
    # ok: py-cookie-flag-disabled
    client.set_cookie("session", "abc", secure=False)
