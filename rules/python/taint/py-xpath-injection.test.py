from django.http import HttpResponse
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
tree = etree.parse("users.xml")
FIELDS = {"name", "email"}


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    password = request.form["password"]
    # ruleid: py-xpath-injection
    found = tree.xpath(f"//user[name='{user}' and password='{password}']")
    # ok: py-xpath-injection
    same = tree.xpath("//user[name=$u and password=$p]", u=user, p=password)
    return "ok" if found or same else "no"


@app.route("/find")
def find():
    expr = "//item[@sku='%s']" % request.args.get("sku")
    # ruleid: py-xpath-injection
    items = tree.xpath(expr)
    # ruleid: py-xpath-injection
    compiled = etree.XPath("//item[@id='" + request.args["id"] + "']")
    return str(len(items)) + str(compiled)


@app.route("/field/<field>")
def field(field):
    if field not in FIELDS:
        return "bad", 400
    # ok: py-xpath-injection
    return str(tree.xpath(f"//user/{field}/text()"))


def by_id(doc, ident):
    return doc.xpath("//record[@id='{}']".format(ident))


@app.route("/record")
def record():
    # ruleid: py-xpath-injection
    a = by_id(tree, request.args["id"])
    # ok: py-xpath-injection
    b = by_id(tree, "42")
    return str(a + b)


# Django view
def lookup(request):
    name = request.GET.get("name", "")
    # ruleid: py-xpath-injection
    nodes = tree.xpath("//person[name='" + name + "']/phone/text()")
    return HttpResponse(",".join(nodes))
