from lxml import etree
import lxml.etree as ET
from lxml.etree import XMLParser, iterparse


def parse(data, path):
    # ruleid: py-lxml-resolve-entities
    parser = etree.XMLParser(resolve_entities=False)
    # ruleid: py-lxml-resolve-entities
    parser = ET.XMLParser(remove_blank_text=True, resolve_entities=False)
    # ruleid: py-lxml-resolve-entities
    p = XMLParser(resolve_entities=False, no_network=False)
    # ruleid: py-lxml-resolve-entities
    for event, el in iterparse(path, resolve_entities=False):
        pass
    return etree.fromstring(data, parser)


# ok: py-lxml-resolve-entities
parser = etree.XMLParser(resolve_entities=False)
# ok: py-lxml-resolve-entities
parser = etree.XMLParser(remove_blank_text=True)
# ok: py-lxml-resolve-entities
parser = html5lib.HTMLParser(resolve_entities=True)
