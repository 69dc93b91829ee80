"""Flask-free parsers that turn uploaded action plans, briefings and reports into an ImportResult.

Use `parse_file(path, max_bytes=...)` from `tracker.importing.detect`; it never raises for bad input.
"""
