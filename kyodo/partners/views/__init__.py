"""Partner pages for the city side and for partner members, one module per kind of page.

`access` finds the partner of a URL once with the rule checked; `profiles` (list, register,
profile, matching), `attachments`, `transfer` (export and import), `taxonomy` and `members`.
"""

from kyodo.partners.views.attachments import attachment_add, attachment_delete, attachment_download
from kyodo.partners.views.profiles import (
    match,
    my_partner,
    partner_create,
    partner_detail,
    partner_edit,
    partner_list,
)
from kyodo.partners.views.taxonomy import taxonomy, taxonomy_edit
from kyodo.partners.views.transfer import export, import_detail, import_status, import_upload

__all__ = [
    "attachment_add",
    "attachment_delete",
    "attachment_download",
    "export",
    "import_detail",
    "import_status",
    "import_upload",
    "match",
    "my_partner",
    "partner_create",
    "partner_detail",
    "partner_edit",
    "partner_list",
    "taxonomy",
    "taxonomy_edit",
]
