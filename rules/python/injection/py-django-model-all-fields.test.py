from django import forms
from rest_framework import serializers


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        # ruleid: py-django-model-all-fields
        fields = "__all__"


class AccountSerializer(serializers.ModelSerializer):
    class Meta:
        model = Account
        # ruleid: py-django-model-all-fields
        fields = '__all__'


class SafeForm(forms.ModelForm):
    class Meta:
        model = Profile
        # ok: py-django-model-all-fields
        fields = ["display_name", "bio"]


class Plain:
    class Meta:
        # ok: py-django-model-all-fields
        fields = "__all__"


class SignupForm(forms.ModelForm):
    class Meta:
        model = Account
        # ruleid: py-django-model-all-fields
        exclude = ["is_staff", "date_joined"]


class CommentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Comment
        # ruleid: py-django-model-all-fields
        exclude = ("author",)
        # ok: py-django-model-all-fields
        read_only_fields = ["created"]


class Report:
    class Meta:
        # ok: py-django-model-all-fields
        exclude = ["internal"]
