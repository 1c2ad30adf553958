from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from kyodo.calls import urls as calls_urls
from kyodo.core.views import brand_css
from kyodo.councils import urls as councils_urls
from kyodo.portal import urls_calls as public_call_urls
from kyodo.portal import urls_councils as public_council_urls
from kyodo.portal.views.home import home

# The front page is the public portal's home (what is happening now). Its name stays
# "core:home", so that every link and LOGOUT_REDIRECT_URL keep working; it is routed here,
# in the project's URLs, because core imports nothing from the apps above it.
front_page = (
    [path("", home, name="home"), path("brand.css", brand_css, name="brand_css")],
    "core",
)
# One "calls" namespace under /calls/: the portal's public call pages and the calls app's own
# (neither app imports the other's URLs).
calls = (public_call_urls.urlpatterns + calls_urls.urlpatterns, "calls")
# Likewise one "councils" namespace under /councils/.
councils = (public_council_urls.urlpatterns + councils_urls.urlpatterns, "councils")

urlpatterns = [
    path("", include(front_page)),
    path("accounts/", include("kyodo.accounts.urls")),
    path("partners/", include("kyodo.partners.urls")),
    path("guideline/", include("kyodo.guideline.urls")),
    path("projects/", include("kyodo.projects.urls")),
    path("cycles/", include("kyodo.cycles.urls")),
    path("calls/", include(calls)),
    path("councils/", include(councils)),
    path("engagement/", include("kyodo.engagement.urls")),
    path("portal/", include("kyodo.portal.urls")),
    path("api/", include("kyodo.api.urls")),
    path("reports/", include("kyodo.reports.urls")),
    path("voices/", include("kyodo.voices.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("django-admin/", admin.site.urls),
]

handler403 = "kyodo.core.views.error_403"
handler404 = "kyodo.core.views.error_404"
# 500 uses Django's default handler, which renders templates/500.html without a database.

# Uploaded files have no URL of their own, with DEBUG on or off: each is served by the view of
# its record, after the permission check (partner documents, call attachments, evidence).
