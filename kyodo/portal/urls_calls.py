"""The public pages of open calls, under /calls/ in the "calls" URL namespace.

The views are the portal's (kyodo.portal.views.calls); the project's URL configuration puts
these patterns into the calls app's namespace so that `calls:public_list`, `calls:public_detail`
and `calls:public_result` keep their names and addresses.
"""

from django.urls import path

from kyodo.portal.views import calls, subsidies

urlpatterns = [
    path("", calls.public_list, name="public_list"),
    path("<uuid:call_id>/", calls.public_detail, name="public_detail"),
    path("<uuid:call_id>/result/", calls.public_result, name="public_result"),
    path("subsidies/", subsidies.public_subsidies, name="public_subsidies"),
    path("subsidies.csv", subsidies.public_subsidies_csv, name="public_subsidies_csv"),
]
