"""How a project becomes a search document (registered in ProjectsConfig.ready).

Only the fields the public portal shows are indexed (title, local issue, purpose): the index
is shared by the staff pages and the public search, and what may be found is decided by the
queryset passed to `search()` (e.g. `public_projects()`), never by the index.
"""

from kyodo.core.search import registry
from kyodo.projects.models import Project

KIND = "projects.project"


def register() -> None:
    registry.register(
        KIND,
        model=Project,
        title=lambda project: [project.title],
        body=lambda project: [project.local_issue, project.purpose],
        queryset=lambda: Project.objects.all(),
    )
