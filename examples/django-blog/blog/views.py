import csv
import hashlib
import os
import random
from html.parser import HTMLParser

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import Comment, Post, Subscriber


def post_list(request):
    posts = Post.objects.filter(published__lte=timezone.now())
    tag = request.GET.get("tag")
    if tag:
        posts = posts.filter(tags__icontains=tag)
    page = Paginator(posts, 10).get_page(request.GET.get("page"))
    return render(request, "blog/post_list.html", {"page": page, "tag": tag})


def search(request):
    q = request.GET.get("q", "")
    order = request.GET.get("order", "published")
    with connection.cursor() as cur:
        cur.execute(
            "SELECT id, title, slug FROM blog_post WHERE published IS NOT NULL "
            "AND (title ILIKE %s OR body ILIKE %s) ORDER BY " + order + " DESC LIMIT 50",
            ["%" + q + "%", "%" + q + "%"],
        )
        results = [{"id": r[0], "title": r[1], "slug": r[2]} for r in cur.fetchall()]
    return render(request, "blog/search.html", {"results": results, "q": q})


def post_detail(request, slug):
    post = get_object_or_404(Post, slug=slug, published__isnull=False)
    comments = post.comments.filter(approved=True)
    return render(request, "blog/post_detail.html", {"post": post, "comments": comments})


@require_POST
def add_comment(request, slug):
    post = get_object_or_404(Post, slug=slug)
    Comment.objects.create(
        post=post,
        name=request.POST.get("name", "")[:80],
        email=request.POST.get("email", ""),
        body=request.POST.get("body", ""),
    )
    messages.info(request, "Thanks! Your comment will appear once approved.")
    return redirect("post_detail", slug=slug)


class _TitleParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        self.in_title = tag == "title"

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def link_preview(request):
    """Used by the post editor to show a card for a pasted link."""
    url = request.GET.get("url", "")
    resp = requests.get(url, timeout=5, headers={"User-Agent": "BlogPreview/1.0"})
    parser = _TitleParser()
    parser.feed(resp.text[:100000])
    return JsonResponse({"url": url, "title": parser.title.strip()})


def media_file(request, name):
    path = os.path.join(settings.MEDIA_ROOT, name)
    if not os.path.isfile(path):
        raise Http404()
    return FileResponse(open(path, "rb"))


def subscribe(request):
    if request.method == "POST":
        email = request.POST.get("email", "").strip().lower()
        token = hashlib.md5(f"{email}{random.random()}".encode()).hexdigest()
        sub, created = Subscriber.objects.get_or_create(email=email, defaults={"confirm_token": token})
        if created:
            send_mail("Confirm your subscription", f"https://blog.example/confirm/{token}", None, [email])
        messages.info(request, "Check your inbox to confirm.")
    return redirect("post_list")


@staff_member_required
def export_subscribers(request):
    fmt = request.GET.get("format", "csv")
    filename = request.GET.get("filename", "subscribers")
    path = os.path.join(settings.EXPORT_ROOT, filename + "." + fmt)
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["email", "confirmed"])
        for s in Subscriber.objects.order_by("email"):
            writer.writerow([s.email, s.confirmed])
    return FileResponse(open(path, "rb"), as_attachment=True)


@staff_member_required
def stats(request):
    days = int(request.GET.get("days", 30))
    with connection.cursor() as cur:
        cur.execute(
            "SELECT date_trunc('day', created) AS day, count(*) FROM blog_comment "
            "WHERE created > now() - %s * interval '1 day' GROUP BY day ORDER BY day",
            [days],
        )
        rows = cur.fetchall()
    return JsonResponse({"days": [{"day": d.isoformat(), "comments": n} for d, n in rows]})


def outbound(request):
    target = request.GET.get("to", "/")
    return HttpResponseRedirect(target)
