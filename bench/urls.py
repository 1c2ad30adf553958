from django.http import HttpResponse
from django.urls import include, path


def trivial(request):
    """The baseline: Django's full middleware stack and nothing else."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/trivial/", trivial),
    path("", include("kyodo.urls")),
]
