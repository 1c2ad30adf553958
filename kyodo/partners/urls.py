app_name = "partners"

urlpatterns: list = []
