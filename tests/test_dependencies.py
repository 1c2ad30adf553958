"""Imports go one way: an app imports only from the apps below it (docs/architecture.md).

    core ← accounts ← guideline, partners ← projects ← cycles, calls, councils, engagement
        ← portal, api, reports, voices

Apps on the same level may use each other only without a cycle. Tests are exempt: a test of a
lower app may build its data with a higher app's factories (a partner's page lists projects).
"""

import ast
from pathlib import Path

import pytest

KYODO = Path(__file__).resolve().parents[1] / "kyodo"
LEVELS = {
    "core": 0,
    "accounts": 1,
    "guideline": 2,
    "partners": 2,
    "projects": 3,
    "cycles": 4,
    "calls": 4,
    "councils": 4,
    "engagement": 4,
    "portal": 5,
    "api": 5,
    "reports": 5,
    "voices": 5,
}
PROJECT_MODULES = {"settings", "urls", "wsgi", "asgi"}  # kyodo/*.py, the project itself


def _imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {name.split(".")[1] for name in names if name.startswith("kyodo.")}
    return found - PROJECT_MODULES


def _source_files(app: str):
    for path in sorted((KYODO / app).rglob("*.py")):
        parts = path.relative_to(KYODO / app).parts
        if "tests" not in parts and "migrations" not in parts:
            yield path


def import_graph() -> dict[str, dict[str, list[str]]]:
    """app → {imported app: [files that import it]}, for the source of every app."""
    graph = {}
    for app in LEVELS:
        uses: dict[str, list[str]] = {}
        for path in _source_files(app):
            for other in _imported_apps(path) - {app}:
                uses.setdefault(other, []).append(str(path.relative_to(KYODO)))
        graph[app] = uses
    return graph


def test_every_app_has_a_level():
    apps = {p.name for p in KYODO.iterdir() if (p / "apps.py").exists()}
    assert apps <= set(LEVELS), f"give these apps a level: {sorted(apps - set(LEVELS))}"


@pytest.mark.parametrize("app", sorted(LEVELS))
def test_no_app_imports_a_higher_one(app):
    wrong = {
        other: files
        for other, files in import_graph()[app].items()
        if LEVELS.get(other, -1) > LEVELS[app]
    }
    assert not wrong, f"{app} (level {LEVELS[app]}) imports higher apps: {wrong}"


def test_apps_on_one_level_form_no_cycle():
    graph = import_graph()
    same_level = {
        app: {other for other in uses if LEVELS.get(other) == LEVELS[app]}
        for app, uses in graph.items()
    }
    for app, others in same_level.items():
        for other in others:
            assert app not in same_level.get(other, set()), f"{app} and {other} import each other"


def test_the_check_finds_a_lower_app_importing_a_higher_one(tmp_path):
    """The rule itself can fail: core importing portal is found."""
    module = tmp_path / "bad.py"
    module.write_text("from kyodo.portal.views.home import home\nimport kyodo.core.wareki\n")
    assert _imported_apps(module) == {"portal", "core"}
