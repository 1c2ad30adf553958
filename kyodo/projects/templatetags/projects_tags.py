from django import template

from kyodo.projects.selectors import next_step as _next_step

register = template.Library()


@register.simple_tag
def next_step(project) -> str:
    """What the project needs next (uses the list's annotations: no extra query)."""
    return _next_step(project)
