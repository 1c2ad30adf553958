"""The calls pages of partner members, coordinators and evaluators.

The public pages of calls (list, detail, result: `calls:public_list`, `calls:public_detail`,
`calls:public_result`, under /calls/) are the portal's (kyodo/portal/urls_calls.py); the
project's URL configuration puts them into this namespace, since calls imports nothing from
the portal.
"""

from django.urls import path

from kyodo.calls import views

app_name = "calls"

urlpatterns = [
    # Partner members
    path("mine/", views.my_applications, name="my_applications"),
    path("<uuid:pk>/apply/", views.application_new, name="application_new"),
    path("applications/<uuid:pk>/", views.application_detail, name="application_detail"),
    path("applications/<uuid:pk>/confirm/", views.application_confirm, name="application_confirm"),
    path("attachments/<uuid:pk>/", views.attachment_download, name="attachment_download"),
    path("attachments/<uuid:pk>/delete/", views.attachment_delete, name="attachment_delete"),
    # Coordinators
    path("manage/", views.manage_list, name="manage_list"),
    path("manage/new/", views.call_create, name="call_create"),
    path("manage/receipt/", views.receipt_lookup, name="receipt_lookup"),
    path("manage/<uuid:pk>/", views.manage_detail, name="manage_detail"),
    path("manage/<uuid:pk>/edit/", views.call_edit, name="call_edit"),
    path("manage/<uuid:pk>/criteria/", views.criteria_edit, name="criteria_edit"),
    path("manage/<uuid:pk>/status/", views.call_transition, name="call_transition"),
    path("manage/<uuid:pk>/evaluators/", views.evaluator_assign, name="evaluator_assign"),
    path(
        "manage/evaluators/<uuid:pk>/remove/",
        views.evaluator_unassign,
        name="evaluator_unassign",
    ),
    path("manage/<uuid:pk>/ranking/", views.ranking, name="ranking"),
    path("grants/", views.grant_list, name="grant_list"),
    path("grants/<uuid:pk>/review/", views.grant_review, name="grant_review"),
    path("grants/<uuid:pk>/disclosure/", views.grant_disclosure, name="grant_disclosure"),
    # Evaluators
    path("evaluations/", views.evaluation_queue, name="evaluation_queue"),
    path("evaluations/<uuid:pk>/", views.evaluation_detail, name="evaluation_detail"),
    path(
        "evaluations/<uuid:pk>/<uuid:application_id>/",
        views.evaluation_application,
        name="evaluation_application",
    ),
]
