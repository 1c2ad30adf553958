from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kyodo.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Public pages name departments (a project's, a council's, who answers an opinion):
        # a department renamed or removed — rare, and done in the admin site as often as by a
        # service — renders every public page again, as a change of the city does.
        from django.db.models.signals import post_delete, post_save

        from kyodo.accounts.models import Department

        post_save.connect(_department_changed, sender=Department, dispatch_uid="kyodo-dept-saved")
        post_delete.connect(
            _department_changed, sender=Department, dispatch_uid="kyodo-dept-deleted"
        )


def _department_changed(raw=False, created=False, **kwargs):
    from kyodo.core.cache_versions import bump

    # A new department is on no public page until a project names it (which bumps its kind);
    # loaddata's fixtures are not edits.
    if not raw and not created:
        bump("site")
