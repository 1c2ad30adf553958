from django.urls import path

from kyodo.cycles import views

app_name = "cycles"

urlpatterns = [
    path("project/<uuid:project_pk>/", views.project_cycles, name="project"),
    path("project/<uuid:project_pk>/history/", views.project_history, name="project_history"),
    path("project/<uuid:project_pk>/troubles/", views.troubles, name="troubles"),
    path(
        "project/<uuid:project_pk>/troubles/<uuid:incident_pk>/",
        views.trouble_edit,
        name="trouble_edit",
    ),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/transition/", views.transition, name="transition"),
    path("<uuid:pk>/plan/<str:kind>/<uuid:line_pk>/delete/", views.line_delete, name="line_delete"),
    path("<uuid:pk>/actuals/", views.actuals, name="actuals"),
    path("<uuid:pk>/records/", views.records, name="records"),
    path("<uuid:pk>/files/<uuid:attachment_pk>/", views.attachment, name="attachment"),
    path("<uuid:pk>/verification/<str:side>/", views.verification, name="verification"),
    path(
        "<uuid:pk>/verification/<str:side>/correct/",
        views.verification_correct,
        name="verification_correct",
    ),
    path("<uuid:pk>/comparison/", views.comparison, name="comparison"),
    path("<uuid:pk>/evaluation/", views.evaluation, name="evaluation"),
    path("<uuid:pk>/conclude/", views.conclude, name="conclude"),
    path("<uuid:pk>/history/", views.history, name="history"),
]
