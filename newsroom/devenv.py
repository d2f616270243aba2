"""What a development checkout needs before Django starts: a database URL and a secret key.

The development entry points (``manage.py``, the test run, the benchmarks)
call ``apply()``; production servers (gunicorn through ``newsroom.wsgi``) do
not, so there a missing ``DATABASE_URL`` or ``SECRET_KEY`` stops the start
instead of quietly starting a database or inventing a key. Importing
``newsroom.settings`` itself never starts anything or writes a file.
"""

import os
import secrets
from pathlib import Path

from newsroom import embedded_db

SECRET_KEY_FILE = Path(__file__).resolve().parent.parent / ".data" / "secret_key"


def local_secret_key():
    """A random key kept in .data/ so a checkout works without configuration."""
    if not SECRET_KEY_FILE.exists():
        SECRET_KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
        SECRET_KEY_FILE.write_text(secrets.token_urlsafe(50))
        SECRET_KEY_FILE.chmod(0o600)
    return SECRET_KEY_FILE.read_text().strip()


def apply():
    """Fill DATABASE_URL (the embedded server, started if needed) and SECRET_KEY when they are unset."""
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = embedded_db.database_url()
    if not os.environ.get("SECRET_KEY"):
        os.environ["SECRET_KEY"] = local_secret_key()
