from django.urls import path

from kyodo.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard_page, name="dashboard"),
    path("alerts/", views.alerts_page, name="alerts"),
    path("annual/", views.report_page, name="report"),
    path("annual/<uuid:pk>/", views.report_detail, name="report_detail"),
    path("annual/<uuid:pk>/status/", views.report_status, name="report_status"),
    path("annual/<uuid:pk>/publish/", views.report_publish, name="report_publish"),
    path("public/", views.public_reports, name="public_list"),
    path("public/<int:year>/", views.public_report, name="public_detail"),
    path("annual/<uuid:pk>/<str:kind>/", views.report_download, name="report_download"),
]
