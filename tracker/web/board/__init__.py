"""The board's read-only summary: is the learning being acted on?"""
