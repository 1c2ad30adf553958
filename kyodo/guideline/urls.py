from django.urls import path

from kyodo.guideline import views

app_name = "guideline"

urlpatterns = [
    path("", views.checklist_list, name="list"),
    path("<slug:key>/", views.checklist_detail, name="detail"),
    path("<slug:key>/revise/", views.checklist_revise_view, name="revise"),
    path("<slug:key>/compare/", views.checklist_compare, name="compare"),
]
