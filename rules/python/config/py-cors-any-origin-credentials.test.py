from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS, cross_origin

app = Flask(__name__)
# ruleid: py-cors-any-origin-credentials
CORS(app, supports_credentials=True)
# ruleid: py-cors-any-origin-credentials
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)
# ok: py-cors-any-origin-credentials
CORS(app, origins=["https://app.example.com"], supports_credentials=True)
# ok: py-cors-any-origin-credentials
CORS(app)


# ruleid: py-cors-any-origin-credentials
@cross_origin(origins="*", supports_credentials=True)
def profile():
    return {}


api = FastAPI()
# ruleid: py-cors-any-origin-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
# ok: py-cors-any-origin-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])
# ok: py-cors-any-origin-credentials
api.add_middleware(CORSMiddleware, allow_origins=settings.ORIGINS, allow_credentials=True)
