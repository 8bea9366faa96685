"""Keep the layering honest: pages render, ikt_model computes and never imports streamlit."""

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(("." * node.level) + (node.module or ""))
    return names


def test_domain_never_imports_streamlit():
    offenders = [(p.name, n) for p in (REPO / "ikt_model").rglob("*.py") for n in _imports(p)
                 if n.split(".")[0] == "streamlit"]
    assert offenders == []


def test_pages_import_only_streamlit_and_public_ikt_model():
    allowed_roots = {"streamlit", "ikt_model", "__future__"}
    offenders = []
    for page in sorted((REPO / "pages").glob("*.py")) + [REPO / "app.py"]:
        for name in _imports(page):
            parts = name.split(".")
            if parts[0] not in allowed_roots or any(p.startswith("_") for p in parts[1:]):
                offenders.append((page.name, name))
    assert offenders == []


def test_every_page_file_is_registered_in_app():
    app = (REPO / "app.py").read_text(encoding="utf-8")
    for page in (REPO / "pages").glob("*.py"):
        assert f'"pages/{page.name}"' in app, page.name


# The package reads as its architecture: one folder per concept, a few small shared modules at the top.
TOP_LEVEL_MODULES = {"__init__.py", "__main__.py", "config.py", "csvload.py", "format.py",
                     # shared by every feature, like format.py: what people type and download
                     "numbers.py", "names.py", "ties.py", "spreadsheet.py", "jsontext.py"}
FEATURE_FOLDERS = {"decision", "costs", "scenarios", "overview", "ui", "robustness", "workshop", "memo", "cli",
                   "workspaces", "municipalities", "store"}


def test_top_level_keeps_only_the_shared_modules():
    package = REPO / "ikt_model"
    assert {p.name for p in package.glob("*.py")} == TOP_LEVEL_MODULES
    folders = {p.name for p in package.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == FEATURE_FOLDERS
    assert all((package / f / "__init__.py").exists() for f in folders)


def test_weights_are_written_only_through_session_set_weights():
    """One writer of the weights in use: ui/session.set_weights (validates, stores the source)."""
    pattern = re.compile(r"""\[\s*(session\.)?(WEIGHTS|WEIGHTS_SOURCE)\s*\]\s*=(?!=)"""   # state[session.WEIGHTS] = ...
                         r"""|\[\s*["']weights(_source)?["']\s*\]\s*=(?!=)""")             # state["weights"] = ...
    files = [REPO / "app.py", *(REPO / "pages").glob("*.py"), *(REPO / "ikt_model").rglob("*.py")]
    writers = [f"{p.relative_to(REPO)}:{i}" for p in files if p.name != "session.py"
               for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1) if pattern.search(line)]
    assert writers == []
