"""README.md documents every command-line command and every IKT_* setting the code reads."""

import argparse
import re
from pathlib import Path

from ikt_model.cli import build_parser

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
CODE_FILES = [*REPO.glob("*.py"), *(REPO / "ikt_model").rglob("*.py"), *(REPO / "pages").glob("*.py"),
              *(REPO / "scripts").glob("*"), *(REPO / "tests").rglob("*.py"), REPO / "Makefile", REPO / ".ci" / "run"]


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    """'rank', 'overview import', ...: every command and subcommand the CLI parser knows."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(f"{prefix}{name}")
                found += _commands(sub, f"{prefix}{name} ")
    return found


def test_every_cli_command_is_in_the_readme():
    commands = _commands(build_parser())
    assert {"rank", "smaa", "ahp", "sql", "costs"} <= set(commands)
    missing = [c for c in commands if f"-m ikt_model {c}" not in README]
    assert missing == [], f"document in README.md («Command line»): {missing}"


def test_every_ikt_environment_variable_is_in_the_readme():
    names = set()
    for path in CODE_FILES:
        if path.is_file() and path.suffix in {".py", ".sh", ""}:
            names |= set(re.findall(r"\bIKT_[A-Z][A-Z0-9_]*\b", path.read_text(encoding="utf-8")))
    assert {"IKT_STORE_PATH", "IKT_OVERVIEW_DB", "IKT_DATA_DIR"} <= names
    missing = sorted(n for n in names if f"`{n}`" not in README)
    assert missing == [], f"document in README.md («Configuration»): {missing}"


def test_the_readme_gives_the_chart_fit_s_narrow_width_and_label_share_as_the_code_has_them():
    """The README said 42 % while the code kept labels to 45 % of a narrow column's width."""
    from ikt_model.ui.chart_fit import FIT_WIDTH_JS, NARROW_PX

    share = float(re.search(r"LABEL_SHARE = ([0-9.]+)", FIT_WIDTH_JS).group(1))
    assert f"keep to {round(share * 100)} % of the width" in README
    assert f"(below {NARROW_PX} px: a phone" in README
