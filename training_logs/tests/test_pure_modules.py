"""The calculation modules stay free of Django (STYLE C2), so they can be tested
and reused without a database."""

from __future__ import annotations

import ast
import pathlib

import pytest

PURE = ["metrics.py", "records.py", "adherence.py", "landmarks.py"]
APP = pathlib.Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", PURE)
def test_pure_module_imports_no_django(name):
    tree = ast.parse((APP / name).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    roots = {module.split(".")[0] for module in imported}
    assert not roots & {"django", "rest_framework", "django_q"}
    assert all(
        m.startswith("training_logs.") and m.split(".")[1] + ".py" in PURE
        for m in imported
        if m.startswith("training_logs")
    )
