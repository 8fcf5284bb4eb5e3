import markdown as md
from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def markdown(value):
    # Posts are written by staff only.
    return mark_safe(md.markdown(value, extensions=["fenced_code", "tables"]))


@register.filter
def comment_markdown(value):
    return mark_safe(md.markdown(escape(value)))


@register.simple_tag
def tag_links(tags):
    links = ['<a href="/search/?tag=%s">%s</a>' % (t.strip(), t.strip()) for t in tags.split(",") if t.strip()]
    return mark_safe(", ".join(links))
