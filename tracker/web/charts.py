"""Charts drawn on the server as SVG: what the board sees on screen, from the figures the tables show.

Plain Python with no Flask in it. Each chart is one `<svg role="img">` with a `<title>` and a
`<desc>` that says every figure in words, so a screen reader hears what a sighted reader sees.
Colour is never the only signal: each RAG colour has its own pattern, the legend names them, and
a segment wide enough carries its number. Everything is drawn with presentation attributes, never
`style`, so the page's Content-Security-Policy (no inline style or script) allows it as it is.
Every label is escaped here, because the markup is put into the page as it stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from tracker.models.tallies import RagCounts
from tracker.rules.rag import RAGS, Rag

# Drawn small and scaled up: a phone shows it at about its own size, a wide screen larger. Each row
# is its label on a line of its own and the bar beneath, so no label is cut short for want of room.
WIDTH = 360
BAR_HEIGHT = 20
LABEL_HEIGHT = 20
ROW_GAP = 10
TOP = 34
FONT = 'font-family="Arial, sans-serif"'
# GOV.UK's tag colours, and a pattern each, so the colours differ in greyscale and to any eye.
COLOURS = {Rag.RED: "#d4351c", Rag.AMBER: "#f47738", Rag.GREEN: "#00703c", Rag.BLUE: "#1d70b8"}
WORDS = {
    Rag.RED: "red (overdue)",
    Rag.AMBER: "amber (due soon, drifting or returned)",
    Rag.GREEN: "green (on track)",
    Rag.BLUE: "blue (assured or closed)",
}
LEGEND = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", Rag.BLUE: "Blue"}


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: str
    summary: str


def _patterns(prefix: str) -> str:
    """Red: diagonal stripes; amber: dots; green: horizontal lines; blue: solid."""
    red, amber, green, blue = (COLOURS[r] for r in Rag)
    return (
        "<defs>"
        f'<pattern id="{prefix}-red" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="8" height="8" fill="{red}"/><rect width="3" height="8" fill="#ffffff"/></pattern>'
        f'<pattern id="{prefix}-amber" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{amber}"/><circle cx="4" cy="4" r="1.8" fill="#0b0c0c"/></pattern>'
        f'<pattern id="{prefix}-green" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{green}"/><rect y="3" width="8" height="2" fill="#ffffff"/></pattern>'
        f'<pattern id="{prefix}-blue" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{blue}"/></pattern>'
        "</defs>"
    )


def _fill(prefix: str, rag: Rag) -> str:
    return f"url(#{prefix}-{rag.value})"


def _legend(prefix: str, y: int) -> str:
    parts, x = [], 0
    for rag in RAGS:
        parts.append(
            f'<rect x="{x + 1}" y="{y}" width="16" height="16" fill="{_fill(prefix, rag)}" stroke="#0b0c0c" '
            'stroke-width="1"/>'
            f'<text x="{x + 22}" y="{y + 13}" font-size="14" {FONT} fill="#0b0c0c">{LEGEND[rag]}</text>'
        )
        x += 88
    return "".join(parts)


def _fit(label: str, limit: int = 48) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def sentence(row: RagCounts) -> str:
    """One row in words: "DHR-2021-03: 3 red (overdue), 2 amber ..., 10 actions in all"."""
    shown = [f"{row.counts[rag]} {WORDS[rag]}" for rag in RAGS if row.counts[rag]]
    total = f"{row.total} action{'' if row.total == 1 else 's'} in all"
    return f"{row.label}: {', '.join(shown)}; {total}" if shown else f"{row.label}: no actions"


def rag_bars(rows: Sequence[RagCounts], *, chart_id: str, title: str, limit: int = 40) -> Chart:
    """A horizontal bar per row, split by RAG, scaled to the largest row, its total at its end."""
    shown = list(rows)[:limit]
    most = max((row.total for row in shown), default=0) or 1
    scale = (WIDTH - 40) / most
    step = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    height = TOP + len(shown) * step + 4
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    summary = "; ".join(sentence(row) for row in shown) or "No actions yet."
    if len(rows) > len(shown):
        summary += f". The table shows the other {len(rows) - len(shown)}."
    body = [_legend(chart_id, 4)]
    for index, row in enumerate(shown):
        top = TOP + index * step
        label = escape(_fit(row.label))
        body.append(f'<text x="0" y="{top + 14}" font-size="14" {FONT} fill="#0b0c0c">{label}</text>')
        y, x = top + LABEL_HEIGHT, 0.0
        for rag in RAGS:
            count = row.counts[rag]
            if not count:
                continue
            width = count * scale
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{_fill(chart_id, rag)}" '
                'stroke="#ffffff" stroke-width="1"/>'
            )
            if width >= 26:
                middle = x + width / 2
                body.append(
                    f'<rect x="{middle - 12:.1f}" y="{y + 2}" width="24" height="16" rx="2" fill="#ffffff"/>'
                    f'<text x="{middle:.1f}" y="{y + 15}" font-size="13" {FONT} text-anchor="middle" '
                    f'fill="#0b0c0c">{count}</text>'
                )
            x += width
        body.append(f'<text x="{x + 5:.1f}" y="{y + 15}" font-size="14" {FONT} fill="#0b0c0c">{row.total}</text>')
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" class="tracker-chart__svg" '
        'focusable="false">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(summary)}</desc>'
        f"{_patterns(chart_id)}{''.join(body)}</svg>"
    )
    return Chart(id=chart_id, title=title, svg=svg, summary=summary)


PLOT_HEIGHT = 150


def _when(day: Any, now: bool) -> tuple[str, str]:
    return ("Now", "") if now else (day.strftime("%b"), day.strftime("%Y"))


def rag_trend(points: Sequence[Any], *, chart_id: str, title: str) -> Chart:
    """A column for each quarter end and one for now, each split by RAG from the bottom: red, amber,
    green, blue. `points` carry `day`, `now` and `rag` (a count for each RAG), as the history gives them."""
    count = max(len(points), 1)
    slot = WIDTH / count
    bar = min(28.0, slot * 0.7)
    most = max((sum(p.rag.values()) for p in points), default=0) or 1
    scale = PLOT_HEIGHT / most
    top = TOP + 16
    base = top + PLOT_HEIGHT
    height = base + 40
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    said = []
    for point in points:
        counts = ", ".join(f"{point.rag[rag]} {WORDS[rag]}" for rag in RAGS if point.rag[rag]) or "no actions"
        when = "Now" if point.now else f"At the end of {point.day:%-d %B %Y}"
        said.append(f"{when}: {counts}")
    summary = "; ".join(said) or "No actions yet."
    body = [_legend(chart_id, 4)]
    for index, point in enumerate(points):
        x = index * slot + (slot - bar) / 2
        y = float(base)
        for rag in RAGS:
            value = point.rag[rag]
            if not value:
                continue
            h = value * scale
            y -= h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{_fill(chart_id, rag)}" '
                'stroke="#ffffff" stroke-width="1"/>'
            )
        middle = x + bar / 2
        total = sum(point.rag.values())
        body.append(
            f'<text x="{middle:.1f}" y="{y - 4:.1f}" font-size="12" {FONT} text-anchor="middle" '
            f'fill="#0b0c0c">{total}</text>'
        )
        first, second = _when(point.day, point.now)
        body.append(
            f'<text x="{middle:.1f}" y="{base + 16}" font-size="12" {FONT} text-anchor="middle" '
            f'fill="#0b0c0c">{first}</text>'
        )
        if second:
            body.append(
                f'<text x="{middle:.1f}" y="{base + 31}" font-size="12" {FONT} text-anchor="middle" '
                f'fill="#0b0c0c">{second}</text>'
            )
    body.append(f'<line x1="0" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#0b0c0c" stroke-width="1"/>')
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" class="tracker-chart__svg" '
        'focusable="false">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(summary)}</desc>'
        f"{_patterns(chart_id)}{''.join(body)}</svg>"
    )
    return Chart(id=chart_id, title=title, svg=svg, summary=summary)
