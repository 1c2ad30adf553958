"""The councils pages of staff, coordinators and partner members, under /councils/.

The public pages (`councils:public_list`, `councils:public_detail`, `councils:public_meeting`)
are the portal's (kyodo/portal/urls_councils.py); the project's URL configuration puts both
into this one namespace, since councils imports nothing from the portal.
"""

from django.urls import path

from kyodo.councils import views

app_name = "councils"

urlpatterns = [
    path("manage/", views.council_list, name="list"),
    path("manage/new/", views.council_create, name="create"),
    path("manage/hollow/", views.hollow_list, name="hollow"),
    path("manage/<uuid:pk>/", views.council_detail, name="detail"),
    path("manage/<uuid:pk>/edit/", views.council_edit, name="edit"),
    path("manage/<uuid:pk>/members/new/", views.member_add, name="member_add"),
    path("manage/<uuid:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("terms/<uuid:pk>/edit/", views.term_edit, name="term_edit"),
    path("terms/<uuid:pk>/person/", views.person_edit, name="person_edit"),
    path("terms/<uuid:pk>/reappoint/", views.term_reappoint, name="term_reappoint"),
    path("people/<uuid:pk>/", views.person_detail, name="person"),
    path("meetings/<uuid:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<uuid:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<uuid:pk>/attendance/", views.attendance_edit, name="attendance"),
    path("meetings/<uuid:pk>/minutes/", views.minutes_edit, name="minutes"),
    path("meetings/<uuid:pk>/minutes/file/", views.minutes_download, name="minutes_file"),
    path("meetings/<uuid:pk>/minutes/approve/", views.minutes_approve, name="minutes_approve"),
    path("meetings/<uuid:pk>/minutes/publish/", views.minutes_publish, name="minutes_publish"),
    path("meetings/<uuid:pk>/materials/new/", views.material_add, name="material_add"),
    path("meetings/<uuid:pk>/outcomes/new/", views.outcome_add, name="outcome_add"),
    path("materials/<uuid:pk>/", views.material_download, name="material"),
    path("materials/<uuid:pk>/delete/", views.material_delete, name="material_delete"),
    path("outcomes/<uuid:pk>/followups/new/", views.followup_add, name="followup_add"),
    path("followups/<uuid:pk>/edit/", views.followup_edit, name="followup_edit"),
    path("followups/", views.my_followups, name="my_followups"),
]
