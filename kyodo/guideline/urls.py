app_name = "guideline"

urlpatterns: list = []
