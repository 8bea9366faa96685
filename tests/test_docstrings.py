"""Every public function, class and method of the package says what it takes, gives and rests on."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ikt_model"


def _public_without_docstring(package: Path = PACKAGE) -> list[str]:
    missing = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) or node.name.startswith("_"):
                continue
            if not ast.get_docstring(node):
                missing.append(f"{path.relative_to(package.parent)}:{node.lineno} {node.name}")
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if (isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef))
                            and not member.name.startswith("_") and not ast.get_docstring(member)):
                        missing.append(f"{path.relative_to(package.parent)}:{member.lineno} {node.name}.{member.name}")
    return missing


def test_every_public_item_has_a_docstring():
    assert _public_without_docstring() == []


def test_the_check_sees_a_missing_docstring(tmp_path):
    package = tmp_path / "ikt_model"
    package.mkdir()
    (package / "m.py").write_text('def f():\n    return 1\n\n\nclass C:\n    def g(self):\n        pass\n\n\n'
                                  'def h():\n    """Documented."""\n\n\ndef _private():\n    pass\n')
    assert _public_without_docstring(package) == ["ikt_model/m.py:1 f", "ikt_model/m.py:5 C", "ikt_model/m.py:6 C.g"]
