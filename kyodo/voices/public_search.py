"""Published opinions on the portal's search page (kyodo.core.plugins.SearchGroup)."""

from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import SearchGroup
from kyodo.voices.selectors import public_opinions

GROUPS = [
    SearchGroup(
        "opinions",
        _("Citizens' voices"),
        public_opinions,
        "voices:public_opinion",
        title="public_title",
        order=60,
    )
]
