from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from kyodo.core.models import Municipality


class KyodoHistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin, answering 404 rather than 500 for a malformed address.

    Its history views look the object up with the id from the URL unchecked: a text that is not
    a UUID (or a history id that is not a number) raised (django-simple-history#1108).
    """

    def _valid_object_id(self, object_id) -> bool:
        try:
            self.model._meta.pk.to_python(object_id)
        except ValidationError:
            return False
        return True

    def history_view(self, request, object_id, extra_context=None):
        if not self._valid_object_id(object_id):
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not self._valid_object_id(object_id) or not str(version_id).isdigit():
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReadOnlyAdminMixin:
    """For admin classes and inlines that show records the app's services alone may change."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Municipality)
class MunicipalityAdmin(KyodoHistoryAdmin):
    list_display = ["name", "prefecture", "code", "is_demo"]
