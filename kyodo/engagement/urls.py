"""The engagement pages of staff, coordinators and partner members (public ones: the portal)."""

from django.urls import path

from kyodo.engagement import views

app_name = "engagement"

urlpatterns = [
    path("", views.hub, name="hub"),
    path("figures/", views.figures, name="figures"),
    # Staff civic activity
    path("activities/", views.my_activities, name="my_activities"),
    path("activities/new/", views.activity_new, name="activity_new"),
    path("activities/all/", views.all_activities, name="all_activities"),
    path("activities/<uuid:pk>/", views.activity_edit, name="activity_edit"),
    path("activities/<uuid:pk>/delete/", views.activity_delete, name="activity_delete"),
    # Dialogue
    path("dialogue/", views.dialogue_list, name="dialogue_list"),
    path("dialogue/new/", views.dialogue_new, name="dialogue_new"),
    path("dialogue/<uuid:pk>/", views.dialogue_detail, name="dialogue_detail"),
    path("dialogue/<uuid:pk>/edit/", views.dialogue_edit, name="dialogue_edit"),
    path("issues/<uuid:pk>/", views.issue_detail, name="issue_detail"),
    path("issues/<uuid:pk>/status/", views.issue_status, name="issue_status"),
    path("issues/<uuid:pk>/project/", views.issue_project, name="issue_project"),
    # Trainings
    path("trainings/", views.training_list, name="training_list"),
    path("trainings/new/", views.training_new, name="training_new"),
    path("trainings/<uuid:pk>/", views.training_detail, name="training_detail"),
    path("trainings/<uuid:pk>/edit/", views.training_edit, name="training_edit"),
    path("trainings/<uuid:pk>/attendance/", views.attendance_add, name="attendance_add"),
    path(
        "trainings/<uuid:pk>/attendance/<uuid:attendance_id>/delete/",
        views.attendance_delete,
        name="attendance_delete",
    ),
    path("trainings/<uuid:pk>/feedback/", views.feedback, name="feedback"),
    # Partnership agreements
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/new/", views.agreement_new, name="agreement_new"),
    path("agreements/<uuid:pk>/", views.agreement_detail, name="agreement_detail"),
    path("agreements/<uuid:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path("agreements/<uuid:pk>/document/", views.agreement_document, name="agreement_document"),
]
