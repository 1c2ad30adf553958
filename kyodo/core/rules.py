"""Rules that say both who may act and when: "may I, and may I now".

Each app's rules.py declares a permission that depends on the phase of its object with
`add_phased_perm(name, who, phase, ...)`. The permission holds when `who` holds and the object
is in every phase; `{% has_perm %}` in templates and `has_perm` in views therefore answer "may
I now", and services refuse through `require_perm`, which tells a person who may act but not now
why not, in the words declared with the phase (adhocracy-plus does the same with its phase
predicates). Nothing here knows any role: the role predicates live in kyodo.accounts.rules.
"""

from dataclasses import dataclass
from functools import cached_property

import rules
from django.core.exceptions import ValidationError


class PhaseRefused(ValidationError):
    """The actor may do this, but not in the phase the object is in; the message says why."""


@dataclass(frozen=True)
class Phase:
    """A condition on an object's state, and the message that explains a refusal."""

    name: str
    test: object  # a function of the object, True when the action is possible now
    message: object  # a (lazy) translated string
    code: str = "phase"
    error: type = PhaseRefused  # an app may refuse with its own subclass (TransitionRefused)

    @cached_property
    def predicate(self):
        def in_phase(user, obj) -> bool:
            return obj is not None and bool(self.test(obj))

        return rules.predicate(in_phase, name=self.name)

    def refusal(self) -> PhaseRefused:
        return self.error(str(self.message), code=self.code)


_PHASED: dict[str, tuple[object, tuple[Phase, ...]]] = {}


def add_phased_perm(name: str, who, *phases: Phase) -> None:
    """Declare permission `name`: `who` may act, and only while every phase holds."""
    predicate = who
    for phase in phases:
        predicate = predicate & phase.predicate
    rules.add_perm(name, predicate)
    _PHASED[name] = (who, phases)


def phase_refusal(actor, perm: str, obj) -> PhaseRefused | None:
    """The refusal for an actor who may act but not now (`actor=None`: the system), or None.

    None also when `perm` has no phases or the actor may not act at all (that is a 403).
    """
    if perm not in _PHASED:
        return None
    who, phases = _PHASED[perm]
    if actor is not None and not (actor.is_active and who.test(actor, obj)):
        return None
    for phase in phases:
        if obj is None or not phase.test(obj):
            return phase.refusal()
    return None
