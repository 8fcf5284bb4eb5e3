import flask
from flask import request, render_template_string
from jinja2 import Template


def hello(name):
    # ruleid: py-flask-render-template-string
    return render_template_string(f"<h1>Hello {name}</h1>")


def page(msg, user):
    # ruleid: py-flask-render-template-string
    html = flask.render_template_string("<p>%s</p>" % msg)
    # ruleid: py-flask-render-template-string
    t = Template("Dear " + user.display_name + ",")
    # ruleid: py-flask-render-template-string
    t2 = Template("<b>{}</b>".format(user))
    return html


# ok: py-flask-render-template-string
render_template_string("<h1>Hello {{ name }}</h1>", name=name)
# ok: py-flask-render-template-string
Template("Dear {{ user }},").render(user=user)
# ok: py-flask-render-template-string
render_template("page.html", msg=msg)
# ok: py-flask-render-template-string
string.Template(f"$who likes {thing}")
