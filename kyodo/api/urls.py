from django.urls import path

from kyodo.api.api import api

urlpatterns = [path("", api.urls)]
