import defusedxml.lxml
from django.http import HttpResponse
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
unsafe_parser = etree.XMLParser(resolve_entities=True, no_network=False)


@app.route("/import", methods=["POST"])
def import_xml():
    data = request.get_data()
    # ruleid: py-xxe
    doc = etree.fromstring(data, parser=unsafe_parser)
    # ok: py-xxe
    plain = etree.fromstring(data)
    # ok: py-xxe
    defused = defusedxml.lxml.fromstring(data)
    return etree.tostring(doc) + etree.tostring(plain) + etree.tostring(defused)


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["doc"]
    # ruleid: py-xxe
    tree = etree.parse(f, parser=etree.XMLParser(resolve_entities=True))
    return etree.tostring(tree)


def parse_feed(xml):
    return etree.XML(xml, parser=unsafe_parser)


@app.route("/feed", methods=["POST"])
def feed():
    # ruleid: py-xxe
    root = parse_feed(request.form["xml"])
    # ok: py-xxe
    local = parse_feed(b"<feed/>")
    return etree.tostring(root) + etree.tostring(local)


# The application's own file.
# ok: py-xxe
SCHEMA = etree.parse("schema.xsd", parser=unsafe_parser)


# Django view
def soap(request):
    # ruleid: py-xxe
    envelope = etree.fromstring(request.body, parser=unsafe_parser)
    return HttpResponse(etree.tostring(envelope), content_type="text/xml")
