"""Citizens' voices under /voices/: the public pages first, the city's under /voices/manage/."""

from django.urls import path

from kyodo.voices import views

app_name = "voices"

urlpatterns = [
    # Public
    path("", views.public_home, name="public_home"),
    path("send/", views.opinion_new, name="opinion_new"),
    path("status/<str:receipt_number>/<str:secret>/", views.opinion_status, name="opinion_status"),
    path("opinions/", views.public_list, name="public_list"),
    path("opinions/<uuid:pk>/", views.public_opinion, name="public_opinion"),
    path("statistics/", views.statistics, name="statistics"),
    path("surveys/<uuid:pk>/", views.survey_answer, name="survey_answer"),
    path("surveys/<uuid:pk>/invite/<str:secret>/", views.survey_answer, name="survey_invited"),
    path("surveys/<uuid:pk>/thanks/", views.survey_thanks, name="survey_thanks"),
    path("surveys/<uuid:pk>/results/", views.survey_results, name="survey_results"),
    path("opendata/opinions.csv", views.opinions_csv, name="opinions_csv"),
    path("opendata/surveys/<uuid:pk>.csv", views.survey_results_csv, name="survey_results_csv"),
    # The city's
    path("manage/", views.manage_opinions, name="manage_opinions"),
    path("manage/approvers/", views.approvers, name="approvers"),
    path("manage/approvers/<uuid:pk>/remove/", views.approver_remove, name="approver_remove"),
    path("manage/<uuid:pk>/", views.manage_opinion, name="manage_opinion"),
    path("manage/<uuid:pk>/assign/", views.opinion_assign, name="opinion_assign"),
    path("manage/<uuid:pk>/reply/", views.reply_edit, name="reply_edit"),
    path("manage/<uuid:pk>/publication/", views.opinion_publication, name="opinion_publication"),
    path("manage/<uuid:pk>/publish/", views.opinion_publish, name="opinion_publish"),
    path("manage/replies/<uuid:pk>/approve/", views.reply_approve, name="reply_approve"),
    path("manage/surveys/", views.manage_surveys, name="manage_surveys"),
    path("manage/surveys/new/", views.survey_create, name="survey_create"),
    path("manage/surveys/<uuid:pk>/", views.manage_survey, name="manage_survey"),
    path("manage/surveys/<uuid:pk>/edit/", views.survey_edit, name="survey_edit"),
    path("manage/surveys/<uuid:pk>/questions/", views.survey_question, name="survey_question"),
    path(
        "manage/surveys/<uuid:pk>/questions/<uuid:item_id>/remove/",
        views.survey_item_remove,
        name="survey_item_remove",
    ),
    path(
        "manage/surveys/<uuid:pk>/questions/<uuid:item_id>/revise/",
        views.survey_item_revise,
        name="survey_item_revise",
    ),
    path("manage/surveys/<uuid:pk>/step/", views.survey_step, name="survey_step"),
    path("manage/surveys/<uuid:pk>/invite/", views.survey_invite, name="survey_invite"),
    path("manage/surveys/<uuid:pk>/export/", views.export_request, name="export_request"),
    path("manage/exports/<uuid:pk>/", views.export_status, name="export_status"),
    path("manage/exports/<uuid:pk>/progress/", views.export_progress, name="export_progress"),
    path("manage/exports/<uuid:pk>/download/", views.export_download, name="export_download"),
]
