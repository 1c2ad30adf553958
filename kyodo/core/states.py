"""One state machine for records that move through phases (projects, PDCA cycles).

A machine knows its allowed steps and a guard that says why a step is not possible yet; the
service that moves a record locks it, asks the machine, and records what it needs to record.
"""

from collections.abc import Callable, Mapping

from kyodo.core.rules import PhaseRefused


class TransitionRefused(PhaseRefused):
    """A status change the rules forbid; the message says why."""


class StateMachine:
    def __init__(
        self,
        states,
        steps: Mapping[str, set],
        *,
        not_allowed,
        guard: Callable[[object, str], str | None] | None = None,
        field: str = "status",
    ):
        self.states = states  # the TextChoices of the status field
        self.steps = steps
        # A lazy message with %(from)s and %(to)s, in the words of the app ("A project …").
        self.not_allowed = not_allowed
        self.guard = guard
        self.field = field

    def allowed(self, current: str) -> set:
        return set(self.steps.get(current, ()))

    def refusal(self, obj, to_status: str) -> TransitionRefused | None:
        """Why `obj` cannot move to `to_status` now, or None if it can."""
        current = self.states(getattr(obj, self.field))
        if to_status not in self.steps.get(current, ()):
            label = self.states(to_status).label if to_status in self.states.values else to_status
            return TransitionRefused(
                str(self.not_allowed) % {"from": current.label, "to": label},
                code="not_allowed",
            )
        reason = self.guard(obj, to_status) if self.guard else None
        return TransitionRefused(reason, code="guard") if reason else None

    def move(self, obj, to_status: str) -> str:
        """Check the step and save the new status; returns the status it left."""
        refusal = self.refusal(obj, to_status)
        if refusal:
            raise refusal
        previous = getattr(obj, self.field)
        setattr(obj, self.field, to_status)
        obj.save(update_fields=[self.field, "updated_at"])
        return previous
