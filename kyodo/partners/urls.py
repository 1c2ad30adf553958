from django.urls import path

from kyodo.partners import views
from kyodo.partners.views import members

app_name = "partners"

urlpatterns = [
    path("", views.partner_list, name="list"),
    path("new/", views.partner_create, name="create"),
    path("mine/", views.my_partner, name="mine"),
    path("match/", views.match, name="match"),
    path("export/", views.export, name="export"),
    path("import/", views.import_upload, name="import"),
    path("import/<uuid:import_id>/", views.import_detail, name="import_detail"),
    path("import/<uuid:import_id>/status/", views.import_status, name="import_status"),
    path("taxonomy/", views.taxonomy, name="taxonomy"),
    path("taxonomy/<str:kind>/<uuid:item_id>/", views.taxonomy_edit, name="taxonomy_edit"),
    path("<uuid:partner_id>/", views.partner_detail, name="detail"),
    path("<uuid:partner_id>/edit/", views.partner_edit, name="edit"),
    path("<uuid:partner_id>/members/", members.member_list, name="members"),
    path("<uuid:partner_id>/members/add/", members.member_add, name="member_add"),
    path("<uuid:partner_id>/members/invite/", members.member_invite, name="member_invite"),
    path(
        "<uuid:partner_id>/members/<uuid:membership_id>/remove/",
        members.member_remove,
        name="member_remove",
    ),
    path(
        "<uuid:partner_id>/members/<uuid:membership_id>/resend/",
        members.member_invite_resend,
        name="member_invite_resend",
    ),
    path("<uuid:partner_id>/attachments/new/", views.attachment_add, name="attachment_add"),
    path(
        "<uuid:partner_id>/attachments/<uuid:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path(
        "<uuid:partner_id>/attachments/<uuid:attachment_id>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
]
