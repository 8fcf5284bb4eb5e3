from django.http import HttpResponse
from flask import make_response


def login(request):
    response = HttpResponse("ok")
    # ruleid: py-cookie-missing-httponly
    response.set_cookie("sessionid", request.session.session_key, httponly=True)
    # ruleid: py-cookie-missing-httponly
    response.set_cookie("auth_token", token, max_age=3600, secure=True, httponly=True)
    # ok: py-cookie-missing-httponly
    response.set_cookie("auth_token", token, max_age=3600, httponly=True, secure=True, samesite="Lax")
    # ok: py-cookie-missing-httponly
    response.set_cookie("auth_token", token, **COOKIE_OPTIONS)
    # ok: py-cookie-missing-httponly
    response.set_cookie("csrftoken", token)
    # ok: py-cookie-missing-httponly
    response.set_cookie("theme", "dark")
    # ok: py-cookie-missing-httponly
    response.set_cookie("session", "", max_age=0)
    # ok: py-cookie-missing-httponly
    response.set_cookie("remember", "1")
    return response


def flask_login():
    resp = make_response("ok")
    # ruleid: py-cookie-missing-httponly
    resp.set_cookie(
        "remember_token",
        value,
        max_age=30 * 86400, httponly=True,
    )
    return resp


class LoginHandler(RequestHandler):
    def post(self):
        # ruleid: py-cookie-missing-httponly
        self.set_secure_cookie("user_session", user_id, httponly=True)


def client_side(client):
    # ok: py-cookie-missing-httponly
    client.set_cookie("session", "abc")


def keyword_form(request, token):
    response = HttpResponse("ok")
    # ruleid: py-cookie-missing-httponly
    response.set_cookie(key="token", value=token.decode("utf-8"), httponly=True)
    # ruleid: py-cookie-missing-httponly
    response.set_cookie("userid", user.userid, max_age=31449600, secure=False, httponly=True)
    # ok: py-cookie-missing-httponly
    response.set_cookie(key="token", value=token, secure=True, httponly=True)
    # ok: py-cookie-missing-httponly
    response.set_cookie(key="csrftoken", value=token)
    # ok: py-cookie-missing-httponly
    response.set_cookie(key="session", value="")
    return response
