import jinja2
from django.http import HttpResponse
from django.template import Context, Template
from flask import Flask, render_template, render_template_string, request
from mako.template import Template as MakoTemplate

app = Flask(__name__)
env = jinja2.Environment(autoescape=True)
GREETING = "<h1>Hello {{ name }}</h1>"


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: py-template-injection
    page = render_template_string("<h1>Hello " + name + "</h1>")
    # ruleid: py-template-injection
    page += render_template_string(f"<p>{request.args['greeting']}, {name}!</p>", admin=False)
    # ok: py-template-injection
    page += render_template_string(GREETING, name=name)
    # ok: py-template-injection
    page += render_template("hello.html", name=name)
    return page


@app.route("/preview", methods=["POST"])
def preview():
    data = request.get_json()
    # ruleid: py-template-injection
    tpl = env.from_string(data["template"])
    # ruleid: py-template-injection
    other = jinja2.Template(f"{data['header']} {{{{ body }}}}")
    # ruleid: py-template-injection
    mako = MakoTemplate(request.form["tpl"]).render()
    return tpl.render() + other.render(body="x") + mako


@app.route("/theme/<name>")
def theme(name):
    if name not in {"light", "dark"}:
        return "bad", 400
    # ok: py-template-injection
    return render_template_string("<body class='%s'>{{ content }}</body>" % name, content="x")


def render_snippet(source, **ctx):
    return env.from_string(source).render(**ctx)


@app.route("/snippet")
def snippet():
    # ruleid: py-template-injection
    out = render_snippet(request.args["src"])
    # ok: py-template-injection
    out += render_snippet("{{ title }}", title=request.args["title"])
    return out


# Not request data: a template string from the application itself.
with open("templates/mail.txt") as fh:
    MAIL = fh.read()
# ok: py-template-injection
MAIL_TEMPLATE = env.from_string(MAIL)


# Django view
def django_preview(request):
    body = request.POST["body"]
    # ruleid: py-template-injection
    t = Template("<div>" + body + "</div>")
    # ok: py-template-injection
    u = Template("<div>{{ body }}</div>")
    return HttpResponse(t.render(Context({})) + u.render(Context({"body": body})))
