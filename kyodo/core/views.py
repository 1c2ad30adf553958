from django.shortcuts import render


def home(request):
    """The public front page: what Kyodo is and where to go next."""
    return render(request, "core/home.html")


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)
