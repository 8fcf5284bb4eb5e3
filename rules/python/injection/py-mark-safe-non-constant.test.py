from django.utils.safestring import mark_safe, SafeString
from django.utils.html import format_html, escape
import markupsafe
from markupsafe import Markup as M
from flask import Markup


def greet(query, name, comment):
    # ruleid: py-mark-safe-non-constant
    html = mark_safe(f"<b>Hello {name}</b>")
    # ruleid: py-mark-safe-non-constant
    body = mark_safe("<p>" + query + "</p>")
    # ruleid: py-mark-safe-non-constant
    out = SafeString(comment)
    # ruleid: py-mark-safe-non-constant
    title = markupsafe.Markup("<h1>%s</h1>" % name)
    # ruleid: py-mark-safe-non-constant
    link = M("<a href='{}'>x</a>".format(next_url))
    # ruleid: py-mark-safe-non-constant
    note = Markup(comment)
    return html


ICON = "<i class='icon'></i>"
# ok: py-mark-safe-non-constant
icon = mark_safe("<i class='icon'></i>")
# ok: py-mark-safe-non-constant
icon = mark_safe(ICON)
# ok: py-mark-safe-non-constant
html = mark_safe(format_html("<b>{}</b>", name))
# ok: py-mark-safe-non-constant
html = mark_safe(escape(name))
# ok: py-mark-safe-non-constant
html = M("<b>{}</b>").format(name)
# ok: py-mark-safe-non-constant
html = format_html("<b>{}</b>", name)
# ok: py-mark-safe-non-constant
html = mark_safe(render_to_string("card.html", {"name": name}))
# ok: py-mark-safe-non-constant
html = mark_safe(renderer.render(template_name, context))
# ok: py-mark-safe-non-constant
card = mark_safe("<b>%s</b> <i>%s</i>" % (escape(name), escape(title)))
# ok: py-mark-safe-non-constant
card = mark_safe(f"<b>{escape(name)}</b>")
# ok: py-mark-safe-non-constant
card = Markup("<b>" + markupsafe.escape(name) + "</b>")
# ruleid: py-mark-safe-non-constant
card = mark_safe(f"<b>{escape(name)}</b><p>{bio}</p>")
