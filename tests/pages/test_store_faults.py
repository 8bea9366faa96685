"""Pages when the store is in use by another process (a second server on the same IKT_STORE_PATH):
one Norwegian sentence, no path or process id anywhere on the page, and the rest of the app works."""

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from ikt_model.store.faults import FAULT_MESSAGES


@pytest.fixture
def locked_store(tmp_path, monkeypatch):
    path = tmp_path / "store.duckdb"
    monkeypatch.setenv("IKT_STORE_PATH", str(path))
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(120)", str(path)], stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline().strip() == "held"
    yield path
    holder.kill()
    holder.wait()


def everything_shown(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "success", "warning", "error",
                 "exception", "code", "text"):
        parts += [str(getattr(e, "value", "")) for e in getattr(at, kind)]
    parts += [str(e.message) for e in at.exception] + [str(e.stack_trace) for e in at.exception]
    return "\n".join(parts)


@pytest.mark.parametrize("page", ["pages/scenarios.py", "pages/workshop_facilitator.py",
                                  "pages/workshop_participant.py"])
def test_store_pages_say_what_is_wrong_in_one_sentence(locked_store, page):
    at = AppTest.from_file("../../app.py", default_timeout=30)
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    shown = everything_shown(at)
    assert FAULT_MESSAGES["locked"] in [e.value for e in at.error]
    assert "PID" not in shown and str(locked_store) not in shown and "IOException" not in shown
    assert "Could not set lock" not in shown


def test_pages_without_the_store_keep_working(locked_store):
    at = AppTest.from_file("../../app.py", default_timeout=30)
    at.run()
    assert not at.exception and not at.error
    at.switch_page("pages/comparison.py").run()
    assert not at.exception and not at.error
    assert at.title[0].value
