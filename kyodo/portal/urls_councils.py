"""The public pages of councils, under /councils/ in the "councils" URL namespace.

The views are the portal's (kyodo.portal.views.councils); the project's URL configuration puts
these patterns into the councils app's namespace (as for calls: kyodo/portal/urls_calls.py).
"""

from django.urls import path

from kyodo.portal.views import councils, opendata_councils

urlpatterns = [
    path("", councils.public_list, name="public_list"),
    path("<uuid:council_id>/", councils.public_detail, name="public_detail"),
    path("meetings/<uuid:meeting_id>/public/", councils.public_meeting, name="public_meeting"),
    path(
        "meetings/<uuid:meeting_id>/public/minutes/",
        councils.public_minutes_file,
        name="public_minutes_file",
    ),
    path("materials/<uuid:material_id>/public/", councils.public_material, name="public_material"),
    *[
        path(
            f"opendata/{dataset}.csv",
            opendata_councils.council_csv,
            {"dataset": dataset},
            name=f"opendata_{dataset}_csv",
        )
        for dataset in opendata_councils.DATASETS
    ],
]
