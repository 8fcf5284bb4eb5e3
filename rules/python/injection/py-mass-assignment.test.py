from flask import request

from .models import User, db
from .schemas import UserCreate


@app.post("/users")
def create_user():
    # ruleid: py-mass-assignment
    user = User(**request.json)
    # ruleid: py-mass-assignment
    other = models.Account(**request.get_json())
    # ok: py-mass-assignment
    picked = User(name=request.json["name"], email=request.json["email"])
    # ok: py-mass-assignment
    validated = UserCreate(**request.json)
    db.session.add(user)
    return {"id": user.id}


@app.put("/users/<int:uid>")
def update_user(uid):
    user = User.query.get_or_404(uid)
    # ruleid: py-mass-assignment
    for key, value in request.json.items():
        setattr(user, key, value)
    # ruleid: py-mass-assignment
    User.query.filter_by(id=uid).update(**request.form)
    return {}


def django_view(request):
    # ruleid: py-mass-assignment
    Profile.objects.create(**request.POST.dict())
    # ok: py-mass-assignment
    Profile.objects.create(owner=request.user, bio=request.POST["bio"])
