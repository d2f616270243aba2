"""The embedded PostgreSQL starts even after an interrupted command damaged the wheel's bookkeeping."""

import json
import os
import subprocess
import sys

import pytest

from newsroom import embedded_db
from tests.site.test_settings import ROOT


@pytest.mark.parametrize("damage", ["", "[123, 45", "{}", '["x"]', "\x00\x00"])
def test_an_unreadable_handle_list_is_reset(tmp_path, damage):
    (tmp_path / ".handle_pids.json").write_text(damage)
    embedded_db.repair_handle_list(tmp_path)
    assert json.loads((tmp_path / ".handle_pids.json").read_text()) == []


def test_a_readable_handle_list_is_left_alone(tmp_path):
    (tmp_path / ".handle_pids.json").write_text("[101, 202]")
    embedded_db.repair_handle_list(tmp_path)
    assert json.loads((tmp_path / ".handle_pids.json").read_text()) == [101, 202]


def test_a_missing_handle_list_stays_missing(tmp_path):
    embedded_db.repair_handle_list(tmp_path)
    assert not (tmp_path / ".handle_pids.json").exists()


def test_manage_py_starts_after_the_handle_list_was_left_empty():
    """What an interrupted `make run` left behind once: a 0-byte file, and every command then died."""
    handle_list = embedded_db.DATA_DIR / "pg" / ".handle_pids.json"
    embedded_db.database_url()  # the server and its files exist even when the tests use another server
    handle_list.write_text("")
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--database", "default"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(handle_list.read_text()), list)
