from django.conf import settings
from django.db import models


class Post(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    body = models.TextField()
    published = models.DateTimeField(null=True, blank=True)
    tags = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-published"]

    def __str__(self):
        return self.title


class Comment(models.Model):
    post = models.ForeignKey(Post, related_name="comments", on_delete=models.CASCADE)
    name = models.CharField(max_length=80)
    email = models.EmailField()
    body = models.TextField()
    created = models.DateTimeField(auto_now_add=True)
    approved = models.BooleanField(default=False)


class Subscriber(models.Model):
    email = models.EmailField(unique=True)
    confirm_token = models.CharField(max_length=64)
    confirmed = models.BooleanField(default=False)
