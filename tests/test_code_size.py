"""No module over 400 lines, no function over 60 (issue 19 § 6 and its acceptance).

Measures every ``.py`` file under ``clinic/`` except the generated alembic migrations: a module's
length is its number of lines, a function's is ``end_lineno - lineno + 1`` of its ``def`` (methods
and nested functions included, named by their qualified name). What is over the limit today is
listed below with its size; the lists can only shrink:

* a module or function over the limit that is not listed fails (split it by responsibility);
* a listed one that grew past its recorded size fails (it may not grow while over the limit);
* a listed one now at or under the limit, or gone, fails until its entry is removed.

A listed item that shrank but is still over the limit passes; lower its number when convenient.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "clinic"
GENERATED = PACKAGE / "storage" / "migrations"

MODULE_LIMIT = 400
FUNCTION_LIMIT = 60

# Paths relative to clinic/, with their size (lines) when they were listed.
KNOWN_LONG_MODULES: dict[str, int] = {}

# "module path::Qualified.name", with the function's length (lines) when it was listed.
KNOWN_LONG_FUNCTIONS: dict[str, int] = {}


def function_lengths(source: str) -> dict[str, int]:
    """Each function's qualified name (``Class.method``, ``outer.inner``) and its length in lines.

    Two definitions under one name (a conditional ``def``) count as the longer of the two.
    """
    lengths: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = prefix + child.name
                if not isinstance(child, ast.ClassDef):
                    assert child.end_lineno is not None
                    size = child.end_lineno - child.lineno + 1
                    lengths[name] = max(lengths.get(name, 0), size)
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return lengths


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if GENERATED not in p.parents)


def measure() -> tuple[dict[str, int], dict[str, int]]:
    """Every module's and every function's size under clinic/, generated migrations left out."""
    modules: dict[str, int] = {}
    functions: dict[str, int] = {}
    for path in _modules():
        name = path.relative_to(PACKAGE).as_posix()
        source = path.read_text(encoding="utf-8")
        modules[name] = len(source.splitlines())
        for qualname, size in function_lengths(source).items():
            functions[f"{name}::{qualname}"] = size
    return modules, functions


def _problems(kind: str, sizes: dict[str, int], known: dict[str, int], limit: int) -> list[str]:
    problems = []
    for name, size in sorted(sizes.items()):
        if size > limit and name not in known:
            problems.append(
                f"{kind} {name} has {size} lines (limit {limit}): split it by responsibility"
            )
    for name, recorded in sorted(known.items()):
        size = sizes.get(name)
        if size is None:
            problems.append(f"listed {kind} {name} no longer exists: remove it from the list")
        elif size <= limit:
            problems.append(
                f"listed {kind} {name} is {size} lines, within the limit of {limit}:"
                " remove it from the list"
            )
        elif size > recorded:
            problems.append(
                f"listed {kind} {name} grew from {recorded} to {size} lines:"
                " it may not grow while over the limit"
            )
    return problems


def _body(indent: int, lines: int) -> list[str]:
    return [" " * indent + f"x{i} = {i}" for i in range(lines)]


def test_measure_sees_every_kind_of_function() -> None:
    source = "\n".join(
        [
            "def top():",
            *_body(4, 60),
            "class Box:",
            "    async def method(self):",
            *_body(8, 61),
            "    def short(self):",
            "        return 1",
            "def outer():",
            "    def inner():",
            *_body(8, 60),
            "    return inner",
        ]
    )
    lengths = function_lengths(source)
    assert lengths == {"top": 61, "Box.method": 62, "Box.short": 2, "outer": 63, "outer.inner": 61}


def test_the_ratchet_reports_new_grown_and_fixed_items() -> None:
    sizes = {"new.py": 401, "grown.py": 450, "fixed.py": 400, "shrunk.py": 420}
    known = {"grown.py": 440, "fixed.py": 430, "shrunk.py": 430, "gone.py": 500}
    problems = _problems("module", sizes, known, 400)
    assert len(problems) == 4
    assert any("new.py has 401" in p for p in problems)
    assert any("grown.py grew from 440 to 450" in p for p in problems)
    assert any("fixed.py is 400 lines" in p for p in problems)
    assert any("gone.py no longer exists" in p for p in problems)


def test_generated_migrations_are_left_out() -> None:
    assert GENERATED.is_dir()
    modules, _ = measure()
    assert modules, "no module measured under clinic/"
    assert not any(name.startswith("storage/migrations/") for name in modules)


def test_no_module_over_the_limit_but_the_shrinking_list() -> None:
    modules, _ = measure()
    problems = _problems("module", modules, KNOWN_LONG_MODULES, MODULE_LIMIT)
    assert not problems, "\n".join(problems)


def test_no_function_over_the_limit_but_the_shrinking_list() -> None:
    _, functions = measure()
    problems = _problems("function", functions, KNOWN_LONG_FUNCTIONS, FUNCTION_LIMIT)
    assert not problems, "\n".join(problems)
