from django.urls import include, path

from kyodo.cycles import views

app_name = "cycles"

# The pages of one project's cycles, below project/<project_pk>/.
project_routes = [
    path("", views.project_cycles, name="project"),
    path("history/", views.project_history, name="project_history"),
    path("troubles/", views.troubles, name="troubles"),
    path("troubles/<uuid:incident_pk>/", views.trouble_edit, name="trouble_edit"),
]
# The pages of one cycle, below <pk>/.
cycle_routes = [
    path("", views.detail, name="detail"),
    path("transition/", views.transition, name="transition"),
    path("plan/<str:kind>/<uuid:line_pk>/delete/", views.line_delete, name="line_delete"),
    path("actuals/", views.actuals, name="actuals"),
    path("records/", views.records, name="records"),
    path("files/<uuid:attachment_pk>/", views.attachment, name="attachment"),
    path("verification/<str:side>/", views.verification, name="verification"),
    path(
        "verification/<str:side>/correct/", views.verification_correct, name="verification_correct"
    ),
    path("comparison/", views.comparison, name="comparison"),
    path("evaluation/", views.evaluation, name="evaluation"),
    path("conclude/", views.conclude, name="conclude"),
    path("history/", views.history, name="history"),
]
urlpatterns = [
    path("project/<uuid:project_pk>/", include(project_routes)),
    path("<uuid:pk>/", include(cycle_routes)),
]
