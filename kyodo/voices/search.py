"""How a published opinion becomes a search document (registered in VoicesConfig.ready).

Only what staff wrote for the public is indexed (the title and summary for publication, the
reply and its reason), and only once the opinion is published: the sender's own words, name,
e-mail and address are in no document at all, for the city's search as for the portal's.
"""

from kyodo.core.search import registry
from kyodo.voices.models import Opinion

KIND = "voices.opinion"


def _body(opinion: Opinion) -> list[str]:
    reply = opinion.reply
    parts = [opinion.summary]
    if reply is not None:
        parts += [reply.body, reply.reflection_reason]
    return parts


def register() -> None:
    registry.register(
        KIND,
        model=Opinion,
        title=lambda opinion: [opinion.public_title],
        body=_body,
        queryset=lambda: Opinion.objects.published().select_related("reply"),
    )
