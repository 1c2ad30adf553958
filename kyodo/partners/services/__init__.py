"""Every change to partner organisations goes through these functions.

Each one checks its permission, records who made the change in the history, and keeps the
search index current (`kyodo.core.search.index`). One module per part: `profiles`, `members`,
`taxonomy`, `attachments` and `imports`. Import from here.
"""

from kyodo.core.locking import EditConflict
from kyodo.partners.services.attachments import attachment_add, attachment_delete, attachment_policy
from kyodo.partners.services.imports import (
    import_has_errors,
    partner_import_confirm,
    partner_import_preview,
    partner_import_run,
    rows_to_save,
)
from kyodo.partners.services.members import (
    CITY_ROLES,
    partner_member_invite,
    partner_member_invite_resend,
    partner_membership_add,
    partner_membership_remove,
)
from kyodo.partners.services.profiles import (
    EDITABLE_FIELDS,
    partner_create,
    partner_index_refresh,
    partner_update,
)
from kyodo.partners.services.taxonomy import activity_field_save, partner_type_save

__all__ = [
    "CITY_ROLES",
    "EDITABLE_FIELDS",
    "EditConflict",
    "activity_field_save",
    "attachment_add",
    "attachment_delete",
    "attachment_policy",
    "import_has_errors",
    "partner_create",
    "partner_import_confirm",
    "partner_import_preview",
    "partner_import_run",
    "partner_index_refresh",
    "partner_member_invite",
    "partner_member_invite_resend",
    "partner_membership_add",
    "partner_membership_remove",
    "partner_type_save",
    "partner_update",
    "rows_to_save",
]
