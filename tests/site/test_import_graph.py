"""Dependencies point one way: newsroom (the project) imports no app, and no two apps import each other."""

import ast
import graphlib
from pathlib import Path

from django.apps import apps as installed

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "newsroom"


def our_packages():
    """The project and every installed app whose code lives in this repository."""
    local = {config.name.split(".")[0] for config in installed.get_app_configs() if Path(config.path).parent == ROOT}
    return local | {PROJECT}


def imports(package, ours):
    """{package it imports}, from every import statement in its modules (those inside functions too)."""
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            found |= {name.split(".")[0] for name in names} & ours
    return found - {package}


def graph():
    ours = our_packages()
    return {package: imports(package, ours) for package in ours}


def test_the_graph_sees_the_apps_and_their_imports():
    edges = graph()
    assert {"articles", "search", "publication", "photos"} <= set(edges)
    assert "articles" in edges["search"] and "newsroom" in edges["articles"]


def test_newsroom_imports_no_app():
    assert graph()[PROJECT] == set()


def test_no_cycle_between_packages():
    try:
        order = list(graphlib.TopologicalSorter(graph()).static_order())
    except graphlib.CycleError as error:
        raise AssertionError(f"import cycle: {' -> '.join(error.args[1])}") from None
    assert order.index(PROJECT) < order.index("articles") < order.index("search")
