"""The project's modules import one way (demo → articles → media) with no loops.

Read from the source with `ast`, so a cycle dodged by an import inside a
function is caught too: those are refused outright, outside migrations and
management commands, where Django loads code by name.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["cms", "articles", "media", "demo", "pagecache"]
# Which of our packages each one may import: dependencies point one way.
ALLOWED_DEPENDENCIES = {
    "pagecache": set(),
    "media": {"pagecache"},
    "articles": {"media", "pagecache"},
    "demo": {"articles", "media", "pagecache"},
    "cms": {"articles", "media", "pagecache"},
}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_exempt(path):
    parts = path.relative_to(ROOT).parts
    return "migrations" in parts or "management" in parts


def project_modules():
    """Return {module name: path} for every Python file in our packages."""
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def imported_names(module, tree, known, *, is_package=False):
    """Yield (line, imported module, inside a function) for project imports."""
    # Relative imports start from the module's package: itself, for an __init__.
    package = module if is_package else module.rpartition(".")[0]

    def resolve(node):
        if isinstance(node, ast.Import):
            return [alias.name for alias in node.names]
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        # `from . import views` imports the module articles.views.
        candidates = [f"{base}.{alias.name}" for alias in node.names]
        return [name if name in known else base for name in candidates]

    def walk(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                for name in resolve(child):
                    if name.split(".")[0] in PACKAGES:
                        yield child.lineno, name, in_function
            inner = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            yield from walk(child, inner)

    yield from walk(tree, False)


def import_graph():
    """Return the project's import graph and every import made inside a function."""
    modules = project_modules()
    graph, local_imports = {}, []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        graph[module] = set()
        is_package = path.name == "__init__.py"
        for line, name, in_function in imported_names(
            module, tree, modules, is_package=is_package
        ):
            target = name if name in modules else name.rpartition(".")[0]
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if in_function and not is_exempt(path):
                local_imports.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
            if target and target != module and not is_exempt(path):
                graph[module].add(target)
    return graph, local_imports


def find_cycle(graph):
    """Return one import cycle as a list of modules, or None."""
    state = {}

    def visit(node, trail):
        state[node] = "visiting"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "visiting":
                return [*trail[trail.index(target) :], target]
            if target not in state and (cycle := visit(target, [*trail, target])):
                return cycle
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node, [node])):
            return cycle
    return None


def test_project_modules_import_each_other_without_a_cycle():
    graph, _ = import_graph()

    assert find_cycle(graph) is None


def test_no_module_imports_inside_a_function_to_dodge_a_cycle():
    _, local_imports = import_graph()

    assert local_imports == []


@pytest.mark.parametrize("package", PACKAGES)
def test_packages_depend_only_on_the_ones_below_them(package):
    graph, _ = import_graph()

    used = {
        target.split(".")[0]
        for module, targets in graph.items()
        if module.split(".")[0] == package
        for target in targets
    } - {package}
    assert used <= ALLOWED_DEPENDENCIES[package]


def test_the_cycle_finder_reports_a_loop_and_accepts_a_tree():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_an_import_inside_a_function_is_found(tmp_path):
    tree = ast.parse("import articles\n\ndef f():\n    from articles import models\n")
    found = list(imported_names("demo.x", tree, {"articles", "articles.models"}))

    assert found == [(1, "articles", False), (4, "articles.models", True)]
