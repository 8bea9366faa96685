"""Tests mirror the package: ikt_model/<folder>/<module>.py is tested in tests/<folder>/test_<module>.py.

A module without its own test file must sit on the allow-list below, with the test file that covers it.
A new module therefore comes with a test file or with a reason written down here.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "ikt_model"

# module (path inside ikt_model/) -> where it is tested instead, and why there
ALLOWED_WITHOUT_OWN_TEST = {
    "__main__.py": "two lines; `python -m ikt_model` runs in tests/cli/ (test_ahp, test_rank, test_sql)",
    # the memo is built once and rendered both ways in the same tests
    "memo/docx.py": "tests/memo/test_content.py renders every memo to Word",
    "memo/html.py": "tests/memo/test_content.py renders every memo to HTML",
    # these read the real overview database; one module-scoped database serves them all
    "overview/charts.py": "tests/overview/test_db.py",
    "overview/queries.py": "tests/overview/test_db.py",
    "overview/table261.py": "tests/overview/test_db.py",
    # the workshop's models, export and QR code are exercised through the repository and the view
    "workshop/models.py": "tests/workshop/test_access.py and test_aggregation.py",
    "workshop/export.py": "tests/workshop/test_access.py",
    "workshop/qr.py": "tests/workshop/test_view.py",
}


def _modules() -> list[str]:
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                  if p.name != "__init__.py" and "__pycache__" not in p.parts)


def _mirror(module: str) -> Path:
    path = Path(module)
    return REPO / "tests" / path.parent / f"test_{path.stem}.py"


def test_every_module_has_a_mirroring_test_file_or_a_written_reason():
    missing = [m for m in _modules() if not _mirror(m).exists() and m not in ALLOWED_WITHOUT_OWN_TEST]
    assert missing == [], f"add tests/<folder>/test_<module>.py for: {missing}"


def test_allow_list_is_short_and_current():
    modules = set(_modules())
    stale = [m for m in ALLOWED_WITHOUT_OWN_TEST if m not in modules or _mirror(m).exists()]
    assert stale == [], f"remove from the allow-list (gone, or has its own test file now): {stale}"
    assert len(ALLOWED_WITHOUT_OWN_TEST) <= 15


def test_test_folders_mirror_package_folders():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    test_folders = {p.name for p in (REPO / "tests").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders <= test_folders
    assert test_folders - folders == {"pages", "e2e"}  # AppTest page tests and browser tests
    for folder in test_folders:  # packages, so that test files may share a base name across folders
        assert (REPO / "tests" / folder / "__init__.py").exists(), folder
