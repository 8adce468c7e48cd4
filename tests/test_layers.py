"""The arrows between the layers point one way: the extraction core never imports Django, the
ledger never names the web app, and the API does not import the views."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tallybook"
CORE = ["model.py", "schema.py", "languages.py", "version.py", "numbers", "nlp", "extraction", "lexicons"]


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, relative imports made absolute (tallybook.…)."""
    package = ["tallybook", *path.parent.relative_to(PACKAGE).parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def files(*parts: str) -> list[Path]:
    out = []
    for part in parts:
        path = PACKAGE / part
        out += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return out


@pytest.mark.parametrize("path", files(*CORE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_extraction_core_never_imports_django(path):
    assert not {m for m in imports_of(path) if m.split(".")[0] in ("django", "ninja")}


@pytest.mark.parametrize("path", files("ledger"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_ledger_does_not_name_the_web_app(path):
    assert not {m for m in imports_of(path) if m.startswith("tallybook.web")}
    assert "tallybook.web" not in path.read_text(encoding="utf-8")


def test_the_api_does_not_import_the_views():
    assert not {m for m in imports_of(PACKAGE / "web" / "api.py") if m.startswith("tallybook.web.views")}
