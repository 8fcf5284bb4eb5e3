# ruleid: py-django-csrf-middleware-missing
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

# ruleid: py-django-csrf-middleware-missing
MIDDLEWARE_CLASSES = ("django.contrib.sessions.middleware.SessionMiddleware", "django.contrib.auth.middleware.AuthenticationMiddleware")

# ok: py-django-csrf-middleware-missing
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

# ok: py-django-csrf-middleware-missing
MIDDLEWARE = ["django.middleware.common.CommonMiddleware", "corsheaders.middleware.CorsMiddleware"]

# ruleid: py-django-csrf-middleware-missing
MIDDLEWARE.remove("django.middleware.csrf.CsrfViewMiddleware")
