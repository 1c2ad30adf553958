"""The signed-in person read once until a record changes.

Django's `ModelBackend` reads the person's row on every request of a signed-in page. This
backend keeps it like their roles (`User.role_names`): under `records_version`, which every
save and delete of a Kyodo record bumps — a person's own included (a password changed, an
account deactivated or deleted, a department moved) — so the next request reads it again and
the session checks (`is_active`, the password's session hash) always see the current row. The
session itself is still read from the database on every request: signing out ends it at once
in every process.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from kyodo.core.work_cache import kept_value


class KeptUserBackend(ModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager
        user = kept_value(
            "accounts:signed-in", {"id": user_id}, lambda: users.filter(pk=user_id).first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
