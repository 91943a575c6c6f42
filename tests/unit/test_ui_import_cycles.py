"""No module of app.ui imports itself back through others.

Such a cycle is how `tasks` and `crash` came to import each other, one of them lazily to
hide it. import-linter's `acyclic_siblings` contract works on packages, and the feature
packages under app.ui still lean on each other both ways, so modules are checked here.
"""

from __future__ import annotations

import grimp


def in_ui(module: str) -> bool:
    return module == "app.ui" or module.startswith("app.ui.")


def test_no_import_cycle_between_modules_of_the_ui() -> None:
    graph = grimp.build_graph("app", cache_dir=None)
    cycles = []
    for module in sorted(filter(in_ui, graph.modules)):
        for imported in sorted(filter(in_ui, graph.find_modules_directly_imported_by(module))):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back:
                cycles.append(" -> ".join((module, *back)))
    assert cycles == []
