"""The tracker served for the browser tests, in a process of its own.

Run as `python -m tests.browser.live_server` with DATABASE_URL naming a fresh SQLite
file: it migrates the database, loads the demo partnership with TRACKER_DEMO_PASSWORD,
serves on 127.0.0.1 on a free port and prints `serving on <port>` once it answers.
A process of its own keeps it apart from the test run's rolled-back sessions.
"""

from __future__ import annotations

import os
import sys

from flask_migrate import upgrade
from werkzeug.serving import make_server

from tracker import create_app
from tracker.db import db
from tracker.services.demo.loader import load
from tracker.services.storage import EvidenceStore


def main() -> None:
    app = create_app()
    with app.app_context():
        upgrade()
        load(password=os.environ["TRACKER_DEMO_PASSWORD"], store=EvidenceStore(app.config["EVIDENCE_DIR"]))
        db.session.commit()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    print(f"serving on {server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
