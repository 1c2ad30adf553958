"""Django settings for Kyodo, read from the environment (see README "Settings").

Defaults suit a developer's machine: DEBUG on, SQLite under var/, e-mail printed to the console.
With DEBUG off the process refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from kyodo.core.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-kyodo-development-only-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "simple_history",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "kyodo.core",
    "kyodo.accounts",
    # Order matters for sample data: each app's demo.seed() runs after those above it.
    "kyodo.guideline",
    "kyodo.partners",
    "kyodo.projects",
    "kyodo.cycles",
    "kyodo.calls",
    "kyodo.councils",
    "kyodo.engagement",
    "kyodo.portal",
    "kyodo.api",
    "kyodo.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kyodo.core.middleware.JapaneseFirstLocaleMiddleware",
    "kyodo.core.middleware.CleanQueryStringMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes goes last so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kyodo.urls"
WSGI_APPLICATION = "kyodo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kyodo" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "kyodo.core.context_processors.site",
            ],
            "builtins": ["kyodo.core.templatetags.kyodo"],
        },
    }
]
FORM_RENDERER = "kyodo.core.forms.KyodoFormRenderer"

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kyodo.sqlite3'}")
try:
    _database = dj_database_url.parse(DATABASE_URL)
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL we understand: {exc}") from exc
# Keep a connection for this many seconds instead of opening one per request (8-27 ms each on
# PostgreSQL); a connection found broken at the start of a request is replaced. SQLite too: a new
# connection parses the schema again and starts with an empty page cache, which made a rendered
# public page twice as slow under gunicorn (bench/README.md, 4 December 2026).
_database["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
_database["CONN_HEALTH_CHECKS"] = True
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes; IMMEDIATE avoids
    # "database is locked" on upgrade from a read to a write transaction.
    _database["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        # Seconds a connection waits for another's write lock before "database is locked".
        "timeout": env_int("SQLITE_TIMEOUT", 20),
    }
    if _database["NAME"] != ":memory:":
        Path(_database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
elif _database["ENGINE"] == "django.db.backends.postgresql":
    _database["TEST"] = {"TEMPLATE": "template0"}
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Per process by default; with several gunicorn workers set REDIS_URL (needs `pip install redis`)
# so that every process shares one cache.
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Whole public pages live here (kyodo/core/cache_versions.py); 300 is too few.
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    ),
    # The data versions that cached pages and figures are keyed by
    # (kyodo/core/cache_versions.py). Without Redis they are small files that every process on
    # this machine reads (kyodo/core/version_files.py): the web server and the task worker of
    # `make run` are two processes, and a version a task bumps must reach the pages at once.
    "versions": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "kyodo.core.version_files.VersionFiles",
            "LOCATION": env_str("VERSIONS_CACHE_DIR", str(VAR_DIR / "versions")),
        }
    ),
}
# How long an anonymous visitor's public page may be served from the cache; the data versions
# make it miss at once when its data change, so this only bounds memory. 0 turns it off.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 600)
# How long the body of a staff or partner list may be kept for its reader
# (kyodo/core/work_cache.py); any record's change makes it miss at once. 0 turns it off.
WORK_CACHE_SECONDS = env_int("WORK_CACHE_SECONDS", 600)

# --- Accounts and login ---------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Django's ModelBackend, with the signed-in person kept until a record changes.
    "kyodo.accounts.backends.KeptUserBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "core:home"

# Five failed logins lock that account name from that address for 30 minutes. Locking by
# address alone would lock a whole city office behind one NAT address after five typos.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# --- Language, time and the city ------------------------------------------------------------
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", "日本語"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "kyodo" / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "kyodo" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

# --- Background tasks -----------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Tasks READY for longer than this are shown on the administrator's home (kyodo.core.tasks_health).
KYODO_TASK_WAIT_WARNING = timedelta(minutes=env_int("KYODO_TASK_WAIT_WARNING_MINUTES", 15))

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kyodo@city.abashiri.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)

# Content-Security-Policy (django-csp 4): the pages load scripts, styles, images and fonts from
# our own origin only, with no inline script or style, are never framed, and post forms only to
# us. CSP_REPORT_ONLY=1 sends it as Content-Security-Policy-Report-Only instead (to try a change
# of policy on a live site first; tests/browser/test_csp.py checks every page kind enforced).
_CSP = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
else:
    CONTENT_SECURITY_POLICY = _CSP

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- Open calls and subsidies (kyodo.calls) -------------------------------------------------
# Warn when one organisation receives a subsidy for the same purpose in this many consecutive
# fiscal years or more (the guideline warns against fixed recipients of subsidies).
KYODO_SUBSIDY_REPEAT_YEARS = env_int("KYODO_SUBSIDY_REPEAT_YEARS", 3)
# Absolute address of the site, for links in e-mails sent outside a request (no trailing /).
KYODO_SITE_URL = env_str("KYODO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# --- Partners (issue 3) and the shared Japanese search ---------------------------------------
# kyodo.core.search holds the search index every app registers its documents in.
INSTALLED_APPS += ["kyodo.core.search"]
# Attachments of partner profiles (articles of association, budgets): PDF or Office only.
PARTNER_ATTACHMENT_MAX_BYTES = env_int("PARTNER_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)

# --- Promotion measures (kyodo.engagement) ----------------------------------------------------
# Figures about people are shown for groups of at least this many (smaller: 「5人未満」).
ENGAGEMENT_MIN_GROUP = env_int("ENGAGEMENT_MIN_GROUP", 5)
# A partnership agreement with nothing recorded under it for this long is flagged dormant.
ENGAGEMENT_DORMANT_MONTHS = env_int("ENGAGEMENT_DORMANT_MONTHS", 12)
# Days before a partnership agreement ends (not renewed automatically) that a reminder goes out.
ENGAGEMENT_AGREEMENT_REMINDER_DAYS = env_int("ENGAGEMENT_AGREEMENT_REMINDER_DAYS", 60)
# Imports with more rows than this run as a background task with a progress page.
PARTNER_IMPORT_BACKGROUND_ROWS = env_int("PARTNER_IMPORT_BACKGROUND_ROWS", 200)
# --- Portal and public API (kyodo.portal, kyodo.api) -------------------------------------------
# "ninja" as an app serves the API documentation's Swagger UI from our own static files, so
# /api/docs works without loading scripts from a CDN.
INSTALLED_APPS += ["ninja"]
# --- Citizens' voices (kyodo.voices, issue 15) ---------------------------------------------
INSTALLED_APPS += ["kyodo.voices"]
# The reply clock: days from receipt within which the city aims to reply (Osaka's 市民の声: 14).
VOICES_REPLY_TARGET_DAYS = env_int("VOICES_REPLY_TARGET_DAYS", 14)
# The longest opinion text accepted, in characters.
VOICES_OPINION_MAX_CHARS = env_int("VOICES_OPINION_MAX_CHARS", 4000)
# Per-address rate limit of the public forms (opinions, open surveys): this many sendings per
# address within the window, counted in the cache (no outside service, no address stored).
VOICES_RATE_LIMIT_COUNT = env_int("VOICES_RATE_LIMIT_COUNT", 5)
VOICES_RATE_LIMIT_WINDOW_SECONDS = env_int("VOICES_RATE_LIMIT_WINDOW_SECONDS", 60 * 60)
# Survey results are shown to the public only once the survey has closed (0: also while open).
VOICES_RESULTS_AFTER_CLOSING = env_bool("VOICES_RESULTS_AFTER_CLOSING", True)
# Breakdown cells with fewer answers than this are suppressed (shown as 「＊」).
VOICES_MIN_CELL = env_int("VOICES_MIN_CELL", 5)

# --- Councils (kyodo.councils, issue 13) ---------------------------------------------------------
# The national target for the share of women on councils, in percent (第5次男女共同参画基本計画).
KYODO_COUNCIL_WOMEN_TARGET = env_int("KYODO_COUNCIL_WOMEN_TARGET", 40)
# A member is flagged after this many years on one council in total (all terms together)...
KYODO_COUNCIL_LONG_SERVICE_YEARS = env_int("KYODO_COUNCIL_LONG_SERVICE_YEARS", 10)
# ...or when holding more than this many seats across councils at once.
KYODO_COUNCIL_MAX_SEATS = env_int("KYODO_COUNCIL_MAX_SEATS", 4)
# A council whose last this-many meetings produced no outcome may be hollow (形骸化の恐れ).
KYODO_COUNCIL_HOLLOW_MEETINGS = env_int("KYODO_COUNCIL_HOLLOW_MEETINGS", 3)
# Public council meetings within this many days are announced on the portal's home page.
KYODO_COUNCIL_HOME_DAYS = env_int("KYODO_COUNCIL_HOME_DAYS", 30)
