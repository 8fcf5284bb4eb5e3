import xml.sax
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces
from xml.dom import pulldom


def parse(stream, handler):
    parser = make_parser()
    # ruleid: py-xml-sax-external-entities
    parser.setFeature(feature_external_ges, False)
    # ruleid: py-xml-sax-external-entities
    parser.setFeature(xml.sax.handler.feature_external_pes, False)
    # ruleid: py-xml-sax-external-entities
    parser.setFeature("http://xml.org/sax/features/external-general-entities", False)
    parser.setContentHandler(handler)
    parser.parse(stream)


def events(stream):
    parser = xml.sax.make_parser()
    # ruleid: py-xml-sax-external-entities
    parser.setFeature(feature_external_ges, False)
    return pulldom.parse(stream, parser=parser)


# ok: py-xml-sax-external-entities
parser.setFeature(feature_external_ges, False)
# ok: py-xml-sax-external-entities
parser.setFeature(feature_namespaces, True)
# ok: py-xml-sax-external-entities
parser.setFeature(xml.sax.handler.feature_external_pes, False)
