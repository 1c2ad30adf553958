from django.urls import path

from kyodo.portal import public_views

app_name = "core"

# The front page is the public portal's home (what is happening now); the name stays
# "core:home" so that every existing link and LOGOUT_REDIRECT_URL keep working.
urlpatterns = [
    path("", public_views.home, name="home"),
]
