"""The Django settings of a tallybook process: the ledger's apps and the web app's, every
setting but the database (tallybook.ledger.db adds that when it connects).

They live here, above both, so that the ledger names no part of the web app: `ledger/` is
the data layer, `web/` is built on it, and this file puts them together as one Django project.
"""

from __future__ import annotations

# The web app's apps are always installed, so every ledger (made by the CLI or by `serve`) has
# the same tables; what only serving needs (secret key, hosts, DEBUG) is set by tallybook.web.
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.postgres",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin.apps.SimpleAdminConfig",  # no autodiscover: the CLI stays fast
    "axes",
    "ninja",
    "simple_history",
    "tallybook.ledger",
    "tallybook.web",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tallybook.web.security.ContentSecurityPolicyMiddleware",
    "tallybook.web.security.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # admin edits keep their user
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tallybook.web.auth.LoginRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
]


def django_settings() -> dict:
    """Every Django setting but the database: the ledger's and the web app's (served or tested)."""
    return dict(
        INSTALLED_APPS=INSTALLED_APPS,
        MIDDLEWARE=MIDDLEWARE,
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        USE_TZ=True,
        TIME_ZONE="UTC",
        USE_I18N=True,
        LANGUAGE_CODE="en",
        LANGUAGES=[("en", "English"), ("ru", "Русский")],
        SECRET_KEY="tallybook-ledger-library-use-only",  # `tallybook serve` sets a real one
        DEBUG=False,
        ALLOWED_HOSTS=["127.0.0.1", "localhost", "[::1]", "testserver"],
        ROOT_URLCONF="tallybook.web.urls",
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.template.context_processors.i18n",
                        "django.contrib.auth.context_processors.auth",
                        "django.contrib.messages.context_processors.messages",
                    ]
                },
            }
        ],
        STATIC_URL="/static/",
        STORAGES={"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
        WHITENOISE_USE_FINDERS=True,  # serve from the package's static dirs, no collectstatic
        PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.Argon2PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        ],
        AUTHENTICATION_BACKENDS=["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"],
        AXES_FAILURE_LIMIT=5,
        AXES_COOLOFF_TIME=0.25,  # hours
        AXES_LOCKOUT_PARAMETERS=[["username", "ip_address"]],  # the pair: one account from one address
        LOGIN_URL="/accounts/login/",
        LOGIN_REDIRECT_URL="/",
        LOGOUT_REDIRECT_URL="/accounts/login/",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        CSRF_COOKIE_SAMESITE="Lax",
        X_FRAME_OPTIONS="DENY",
        SECURE_CONTENT_TYPE_NOSNIFF=True,
        NINJA_PAGINATION_PER_PAGE=50,
    )
