"""The interface is Korean first, with an English translation kept complete."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
EN_PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
SOURCE_DIRS = [
    "newsroom",
    "articles",
    "reporters",
    "organisations",
    "events",
    "comments",
    "accounts",
    "publication",
    "photos",
    "search",
    "templates",
]


def catalogue(entries):
    """{(context, source): translation} for every real entry."""
    return {(e.msgctxt, e.msgid): e.msgstr or tuple(e.msgstr_plural.values()) for e in entries if e.msgid}


def test_every_english_entry_is_translated_and_compiled():
    po = polib.pofile(str(EN_PO))
    assert [entry.msgid for entry in po if not entry.translated()] == []
    compiled = polib.mofile(str(EN_PO.with_suffix(".mo")))
    assert catalogue(po) == catalogue(compiled), "run `make messages` to compile"


def test_english_catalog_covers_every_string_in_the_source(tmp_path):
    for name in [*SOURCE_DIRS, "manage.py"]:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {}))
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "-v0"],
        cwd=tmp_path,
        check=True,
        env={
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DATABASE_URL": "postgres://unused/unused",
            "SECRET_KEY": "x",
            "PATH": "/usr/bin:/bin",
        },
    )
    fresh = {entry.msgid for entry in polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po"))}
    assert fresh - {entry.msgid for entry in polib.pofile(str(EN_PO))} == set(), "run `make messages`"


@pytest.mark.django_db
def test_english_is_chosen_by_the_visible_switch_not_by_the_browser(client, demo):
    korean = client.get("/", headers={"accept-language": "en"}).content.decode()
    english = client.get("/en/").content.decode()
    assert "최근 행사" in korean and "Recent events" not in korean
    assert '<html lang="ko">' in korean
    assert "Recent events" in english and "최근 행사" not in english
    assert '<html lang="en">' in english
    assert demo.headline in english  # the content itself stays as written
    assert 'href="/en/"' in korean and 'hreflang="ko"' in english  # the switch is on the page


@pytest.mark.django_db
def test_admin_names_tags_in_korean(client_as_superuser):
    page = client_as_superuser.get("/admin/").content.decode()
    assert "Taggit" not in page
