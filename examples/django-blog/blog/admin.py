from django.contrib import admin

from .models import Comment, Post, Subscriber


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "published")
    prepopulated_fields = {"slug": ("title",)}
    search_fields = ("title", "body")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("name", "post", "created", "approved")
    list_filter = ("approved",)
    actions = ["approve"]

    @admin.action(description="Approve selected comments")
    def approve(self, request, queryset):
        queryset.update(approved=True)


admin.site.register(Subscriber)
