import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# ruleid: py-django-debug-true
DEBUG = True

# ok: py-django-debug-true
TEMPLATE_DEBUG = True

# ok: py-django-debug-true
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

# ok: py-django-debug-true
DEBUG = False


class Config:
    # ok: py-django-debug-true
    debug = True
