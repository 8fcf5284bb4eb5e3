import json

from fastapi import FastAPI
from flask import Flask, request
from pymongo import MongoClient
from pydantic import UUID4, BaseModel

app = Flask(__name__)
db = MongoClient()["shop"]


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    # A JSON body can hold {"$ne": null}.
    # ruleid: py-nosql-injection
    user = db.users.find_one({"name": data["name"], "password": data["password"]})
    # ok: py-nosql-injection
    same = db.users.find_one({"name": str(data["name"]), "password": str(data["password"])})
    return "ok" if user or same else "no"


@app.route("/search")
def search():
    # Query-string values are strings: no operator can hide in them.
    # ok: py-nosql-injection
    found = list(db.products.find({"name": request.args.get("name", "")}))
    # ...until they are parsed into objects.
    # ruleid: py-nosql-injection
    filtered = list(db.products.find(json.loads(request.args.get("filter", "{}"))))
    # JavaScript in $where runs on the server, whatever the value's type.
    # ruleid: py-nosql-injection
    cheap = list(db.products.find({"$where": "this.price < " + request.args.get("max", "0")}))
    return {"found": len(found) + len(filtered) + len(cheap)}


@app.route("/items/<name>")
def item(name):
    # ok: py-nosql-injection
    return db.items.find_one({"name": name}) or {}


api = FastAPI()


class Query(BaseModel):
    filter: dict


@api.get("/users/{username}")
async def get_user(username: str):
    # ok: py-nosql-injection
    return db.users.find_one({"username": username})


@api.post("/users/search")
async def search_users(query: Query):
    # ruleid: py-nosql-injection
    return list(db.users.find(query.filter))


def not_a_query(text, word):
    # ok: py-nosql-injection
    return text.find(word)


class CreateFood(BaseModel):
    name: str
    calories: int


@api.put("/foods/{item_id}")
async def update_food(item_id: UUID4, data: CreateFood):
    # ok: py-nosql-injection
    db.foods.update_one({"_id": item_id}, {"$set": data.model_dump()})
    # ok: py-nosql-injection
    return db.foods.find_one({"name": data.name})
