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
