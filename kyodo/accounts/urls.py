from django.contrib.auth import views as auth_views
from django.urls import path

from kyodo.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/set/<uidb64>/<token>/", views.PasswordSetView.as_view(), name="password_set"),
    path("password/set/done/", views.PasswordSetDoneView.as_view(), name="password_set_done"),
    path("home/", views.home, name="home"),
    path("home/administrator/", views.administrator_home, name="administrator_home"),
    path("home/coordinator/", views.coordinator_home, name="coordinator_home"),
    path("home/staff/", views.staff_home, name="staff_home"),
    path("home/partner/", views.partner_home, name="partner_home"),
    path("home/evaluator/", views.evaluator_home, name="evaluator_home"),
]
