"""A project chosen by its title on another app's form (an event's or a reply's project)."""

from django.utils.translation import gettext_lazy as _

from kyodo.core.named_choice import NamedChoiceField


def _recent_first(projects):
    # Before anything is typed: the projects changed most recently, the likeliest choice.
    return projects.order_by("-updated_at")


def project_title_field(queryset, **kwargs) -> NamedChoiceField:
    """The title typed, the 30 best suggestions listed, never a <select> of every project."""
    kwargs.setdefault(
        "help_text",
        _("Type part of the project's title and choose it from the suggestions."),
    )
    return NamedChoiceField(
        queryset=queryset,
        name_field="title",
        first=_recent_first,
        messages={
            "unknown": _("No project is titled “%(name)s”: choose one of the suggestions."),
            "ambiguous": _(
                "Several projects are titled “%(name)s”: ask the coordinator to tell them apart "
                "first."
            ),
        },
        **kwargs,
    )
