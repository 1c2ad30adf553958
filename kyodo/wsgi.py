import os

from django.core.wsgi import get_wsgi_application

from kyodo.core.warm import ready_for_requests

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyodo.settings")
application = get_wsgi_application()
ready_for_requests()  # kyodo/core/warm.py: every view imported, start-up objects frozen
