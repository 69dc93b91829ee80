"""The app as a server serves it: `gunicorn 'tracker.wsgi:app'`.

Once the app is made, everything it holds for the life of the process (modules, models, the app itself) is
moved out of the garbage collector's sight (`gc.freeze`). Python's full collections otherwise walk every one
of those objects now and then, and a request that happened to start one took 50 to 100 ms longer than its
neighbours: at national scale, the pages' slowest twentieth. Nothing frozen is ever garbage: it lives as long
as the process.
"""

from __future__ import annotations

import gc

from tracker.app import create_app

app = create_app()
gc.collect()
gc.freeze()
