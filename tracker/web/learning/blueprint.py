from __future__ import annotations

from flask import Blueprint

bp = Blueprint("learning", __name__)
