from django.urls import path

from kyodo.projects import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_create, name="create"),
    path("<uuid:pk>/", views.overview, name="overview"),
    path("<uuid:pk>/edit/", views.edit, name="edit"),
    path("<uuid:pk>/transition/", views.transition, name="transition"),
    path("<uuid:pk>/history/", views.history, name="history"),
    path("<uuid:pk>/check/", views.check, name="check"),
    path("<uuid:pk>/form/", views.form_choice, name="form"),
    path("<uuid:pk>/form/checkpoints/", views.checkpoints, name="checkpoints"),
    path("<uuid:pk>/partners/", views.partners, name="partners"),
    path(
        "<uuid:pk>/partners/<uuid:participation_pk>/remove/",
        views.partner_remove,
        name="partner_remove",
    ),
    path("<uuid:pk>/roles/", views.roles, name="roles"),
    path(
        "<uuid:pk>/roles/<str:kind>/<uuid:line_pk>/delete/",
        views.line_delete,
        name="line_delete",
    ),
    path("<uuid:pk>/consultations/", views.consultations, name="consultations"),
    path("<uuid:pk>/points/<uuid:point_pk>/confirm/", views.point_confirm, name="point_confirm"),
    path("<uuid:pk>/agreement/", views.agreement, name="agreement"),
    path("<uuid:pk>/agreement/generate/", views.agreement_generate, name="agreement_generate"),
    path("<uuid:pk>/agreement/finalise/", views.agreement_finalise, name="agreement_finalise"),
    path(
        "<uuid:pk>/agreement/v<int:number>.<str:fmt>",
        views.agreement_download,
        name="agreement_download",
    ),
]
