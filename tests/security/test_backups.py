"""`make backup` then `make restore` bring back the database and the uploaded files."""

import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article
from newsroom import backups
from tests.factories import ArticleFactory, library_photo

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump sees only committed rows


@pytest.fixture
def empty_database():
    """A fresh database on the same server, so a restore never touches the test database."""
    name = f"restore_{uuid.uuid4().hex[:12]}"
    admin = backups.connect(connection.settings_dict)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**connection.settings_dict, "NAME": name}
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


def database_url(database):
    host = database.get("OPTIONS", {}).get("host") or database["HOST"]
    if host.startswith("/"):  # the embedded server's socket
        return f"postgres://{database['USER']}@/{database['NAME']}?host={host}"
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    return f"postgres://{database['USER']}{password}@{host}:{database['PORT'] or 5432}/{database['NAME']}"


def test_backup_then_restore_brings_back_the_data_and_the_files(settings, tmp_path, empty_database):
    photo = library_photo(caption="복원되어야 할 사진")
    article = ArticleFactory(published=True, headline="복원되어야 할 제목", lead_photo=photo)
    photo_path = Path(photo.image.path)
    original_photo = photo_path.read_bytes()
    portrait = settings.MEDIA_ROOT / "reporters" / "portrait.png"
    portrait.parent.mkdir(parents=True, exist_ok=True)
    portrait.write_bytes(b"portrait")

    call_command("backup", output_dir=str(tmp_path / "backups"))
    (archive,) = (tmp_path / "backups").glob("newsroom-*.tar")

    Article.objects.filter(pk=article.pk).update(headline="나중에 바뀐 제목")
    photo_path.unlink()

    restored_media, restored_photos = tmp_path / "restored-media", tmp_path / "restored-photos"
    call_command(
        "restore",
        str(archive),
        database_url=database_url(empty_database),
        media_root=str(restored_media),
        photo_root=str(restored_photos),
    )
    with backups.connect(empty_database) as db, db.cursor() as cursor:
        cursor.execute("SELECT headline FROM articles_article WHERE id = %s", [article.pk])
        assert cursor.fetchone() == ("복원되어야 할 제목",)
        cursor.execute("SELECT count(*) FROM django_migrations")
        assert cursor.fetchone()[0] > 10
    db.close()
    assert (restored_photos / photo.image.name).read_bytes() == original_photo
    assert (restored_media / "reporters" / "portrait.png").read_bytes() == b"portrait"


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    call_command("backup", output_dir=str(tmp_path))
    (archive,) = tmp_path.glob("newsroom-*.tar")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))


def test_restore_refuses_an_archive_that_is_not_a_backup(tmp_path, empty_database):
    import tarfile

    bogus = tmp_path / "bogus.tar"
    (tmp_path / "notes.txt").write_text("hello")
    with tarfile.open(bogus, "w") as tar:
        tar.add(tmp_path / "notes.txt", arcname="notes.txt")
    with pytest.raises(CommandError, match="not a Newsroom backup"):
        call_command("restore", str(bogus), database_url=database_url(empty_database))
