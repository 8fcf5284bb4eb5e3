import ldap
import ldap3
from django.http import JsonResponse
from flask import Flask, request
from ldap.filter import escape_filter_chars

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")
server = ldap3.Server("ldap.example.com")
c3 = ldap3.Connection(server, auto_bind=True)
BASE = "ou=people,dc=example,dc=com"


@app.route("/user")
def user():
    uid = request.args.get("uid")
    # ruleid: py-ldap-injection
    res = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=" + uid + ")")
    # ok: py-ldap-injection
    safe = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(uid))
    # ok: py-ldap-injection
    everyone = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(objectClass=person)")
    return str(res + safe + everyone)


@app.route("/group", methods=["POST"])
def group():
    cn = request.form["cn"]
    flt = f"(&(objectClass=group)(cn={cn}))"
    # ruleid: py-ldap-injection
    c3.search(BASE, flt, attributes=["member"])
    # ruleid: py-ldap-injection
    c3.search(search_base=f"cn={cn},{BASE}", search_filter="(objectClass=*)")
    # ok: py-ldap-injection
    c3.search(BASE, "(cn=%s)" % ldap3.utils.conv.escape_filter_chars(cn))
    return "ok"


@app.route("/emp")
def emp():
    num = request.args["n"]
    if not num.isdigit():
        return "bad", 400
    # ok: py-ldap-injection
    return str(conn.search_s(BASE, ldap.SCOPE_SUBTREE, f"(employeeNumber={num})"))


def find_mail(mail):
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(mail=%s)" % mail)


@app.route("/mail")
def mail():
    # ruleid: py-ldap-injection
    a = find_mail(request.args["mail"])
    # ok: py-ldap-injection
    b = find_mail("admin@example.com")
    return str(a + b)


# A search method on something that is not an LDAP connection.
class Index:
    def search(self, base, scope, text):
        return []


index = Index()


@app.route("/docs")
def docs():
    # ok: py-ldap-injection
    return str(index.search("docs", 0, request.args["q"]))


# Django view
def directory(request):
    name = request.GET["name"]
    # ruleid: py-ldap-injection
    rows = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(cn=*%s*)" % name)
    return JsonResponse({"n": len(rows)})
