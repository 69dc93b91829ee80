"""Every page a person can reach, requested as each role at a scale, the slowest first: for finding the pages whose
cost still grows with the data, which `pages.py`'s fixed list does not name.

    .venv/bin/python benchmarks/every_page.py --scale national
    .venv/bin/python benchmarks/every_page.py --scale national --database postgresql+psycopg://postgres@127.0.0.1/mine

From each role's home page it follows every link to a page of the tracker, breadth first (downloads and signing out
aside), at most three links of each shape (the same path with numbers for ids, and the same query arguments) and
at most --limit pages a role. Each page is requested three times in this process, through the app's test client;
the quicker of the last two counts, when what the first built (templates, statements) is kept. It prints the pages
slower than --slow milliseconds, the slowest first, each with the page that linked to it, and every page that failed
(a status of 500 or more) or is over 300 KB. The database is generated first when it holds no reviews, as
`pages.py` does.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import generate  # noqa: E402
from benchmarks.pages import HTML_TARGET, app_environment  # noqa: E402

_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
_HREF = re.compile(r'href="(/[^"#]*)"')
_SKIPPED = ("/sign-out", "/static/", "download", "export", ".xlsx", ".csv")
_SAME_SHAPE = 3


@dataclass
class Visit:
    role: str
    path: str
    linked_from: str
    status: int
    ms: float
    html_bytes: int


def shape(path: str) -> str:
    """A link's shape: its path with numbers for ids, and the names of its query arguments."""
    parts = urllib.parse.urlsplit(path)
    segments = "/".join("N" if part.isdigit() else part for part in parts.path.split("/"))
    return segments + "?" + ",".join(sorted({name for name, _ in urllib.parse.parse_qsl(parts.query)}))


def visit_all(app: Any, role: str, limit: int) -> list[Visit]:
    client = app.test_client()
    token = _TOKEN.search(client.get("/sign-in").get_data(as_text=True))
    signing_in = {"email": generate.EMAILS[role], "password": generate.PASSWORD}
    client.post("/sign-in", data={"csrf_token": token.group(1) if token else "", **signing_in})
    shapes: Counter[str] = Counter()
    queue, came_from, visits = ["/"], {"/": ""}, []
    while queue and len(visits) < limit:
        path = queue.pop(0)
        if any(part in path for part in _SKIPPED):
            continue
        client.get(path)
        took = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            response = client.get(path)
            took = min(took, (time.perf_counter() - started) * 1000)
        body = response.get_data()
        visits.append(Visit(role, path, came_from[path], response.status_code, took, len(body)))
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        for link in _HREF.findall(body.decode()):
            link = link.replace("&amp;", "&")
            if link in came_from or shapes[shape(link)] >= _SAME_SHAPE:
                continue
            shapes[shape(link)] += 1
            came_from[link] = path
            queue.append(link)
    return visits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(generate.SCALES), default="partnership")
    parser.add_argument("--database", help="a database URL (default: the scale's SQLite file, as pages.py keeps)")
    parser.add_argument("--roles", nargs="+", default=list(generate.EMAILS), choices=list(generate.EMAILS))
    parser.add_argument("--limit", type=int, default=400, help="pages at most for each role")
    parser.add_argument("--slow", type=float, default=50.0, help="milliseconds from which a page is listed")
    parser.add_argument("--json", action="store_true", help="every visit as one JSON list")
    args = parser.parse_args()
    url = args.database or generate.default_url(args.scale)
    generate.ensure(url, args.scale)
    os.environ.update(app_environment(url, Path(tempfile.mkdtemp(prefix="tracker-every-page-"))))
    os.environ.pop("TEST_DATABASE_URL", None)
    from tracker import create_app

    app = create_app()
    # As the server holds the app (`tracker.wsgi`): what it holds is frozen out of the collector's sight, whose full
    # collections would otherwise add 50 to 100 ms to a page now and then.
    gc.collect()
    gc.freeze()
    visits = [visit for role in args.roles for visit in visit_all(app, role, args.limit)]
    if args.json:
        print(json.dumps([asdict(visit) for visit in visits], indent=1))
        return
    flagged = [v for v in visits if v.ms >= args.slow or v.status >= 500 or v.html_bytes > HTML_TARGET]
    for visit in sorted(flagged, key=lambda v: -v.ms):
        problem = "FAILED " if visit.status >= 500 else "BIG " if visit.html_bytes > HTML_TARGET else ""
        print(
            f"{visit.ms:8.1f} ms {visit.html_bytes / 1024:6.0f} KB {visit.status} {problem}{visit.role:12s} "
            f"{visit.path}  (from {visit.linked_from or 'the start'})"
        )
    counted = Counter(visit.role for visit in visits)
    print(", ".join(f"{role}: {n} pages" for role, n in counted.items()) + f"; {len(flagged)} listed")


if __name__ == "__main__":
    main()
