import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2 import Template as T

# ruleid: py-jinja2-autoescape-false
env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=False)
# ruleid: py-jinja2-autoescape-false
env2 = Environment(loader=FileSystemLoader("templates"), autoescape=False)
# ruleid: py-jinja2-autoescape-false
page = T("<p>{{ comment }}</p>", autoescape=False)

# ok: py-jinja2-autoescape-false
env3 = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
# ok: py-jinja2-autoescape-false
env4 = jinja2.Environment(autoescape=True)
# ok: py-jinja2-autoescape-false
env5 = Environment(autoescape=select_autoescape(["html", "xml"]))
# ok: py-jinja2-autoescape-false
env6 = mako.Environment(autoescape=False)
