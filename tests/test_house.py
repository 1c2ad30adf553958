"""The rules of the house that a reader can count: small modules and short functions.

A module of more than 400 lines becomes a package along its sections; a function of more than
60 lines is split (DESIGN.md). Migrations are generated and tests are left out. And every
transactional test restores the database it flushes (serialized_rollback).
"""

import ast
from pathlib import Path

KYODO = Path(__file__).resolve().parents[1] / "kyodo"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def source_modules():
    for path in sorted(KYODO.rglob("*.py")):
        parts = path.relative_to(KYODO).parts
        if "migrations" not in parts and "tests" not in parts:
            yield path


def long_functions(path: Path, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = (
        node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    )
    return [
        f"line {node.lineno} {node.name} ({length} lines)"
        for node in functions
        if (length := node.end_lineno - node.lineno + 1) > limit
    ]


def test_no_module_is_over_400_lines():
    large = {
        str(path.relative_to(KYODO)): lines
        for path in source_modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not large, f"split these modules into packages: {large}"


def test_no_function_is_over_60_lines():
    found = [
        f"{path.relative_to(KYODO)}: {entry}"
        for path in source_modules()
        for entry in long_functions(path)
    ]
    assert not found, "split these functions:\n" + "\n".join(found)


def test_the_count_finds_a_long_function(tmp_path):
    module = tmp_path / "long.py"
    module.write_text("def long():\n" + "    x = 1\n" * 61)
    assert len(long_functions(module)) == 1
    assert long_functions(module, limit=62) == []


def unrestored_transactional_tests(path: Path) -> list[str]:
    """`django_db(transaction=True)` marks without `serialized_rollback=True` in `path`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "django_db"):
            continue
        options = {k.arg: getattr(k.value, "value", None) for k in node.keywords}
        if options.get("transaction") and not options.get("serialized_rollback"):
            found.append(f"{path.relative_to(KYODO.parent)}:{node.lineno}")
    return found


def test_every_transactional_test_restores_the_data_it_flushes():
    # A transactional test's flush re-creates the content types under new ids (Django's
    # post_migrate) unless serialized_rollback inhibits it; a later serialized test (the backup's)
    # then fails on their unique names, and the data migrations' rows are gone for every test
    # after it. So the tests pass or fail the same in any order.
    tests = [*KYODO.rglob("tests/test_*.py"), *KYODO.parent.joinpath("tests").rglob("test_*.py")]
    marks = [mark for path in sorted(tests) for mark in unrestored_transactional_tests(path)]
    assert not marks, f"add serialized_rollback=True to: {marks}"
