"""How an open call becomes a search document (registered in CallsConfig.ready).

Drafts are indexed too; the public search passes `public_calls()` as its queryset, so a draft
is never found there. Only the text published with the call is indexed (not the contact).
"""

from kyodo.calls.models import Call
from kyodo.core.search import registry

KIND = "calls.call"


def register() -> None:
    registry.register(
        KIND,
        model=Call,
        title=lambda call: [call.title],
        body=lambda call: [call.purpose, call.eligibility],
        queryset=lambda: Call.objects.all(),
    )
