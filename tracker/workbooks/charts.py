"""Charts that stay readable on a greyscale printer: five fills of clearly different darkness, black outlines,
every category named, and each bar's figure written on it where there is room.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabel, DataLabelList
from openpyxl.chart.text import RichText
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties

from tracker.workbooks.printing import FONT, UNIT_PT

# What each bar shows, darkest to lightest in print: red, closed not achieved, green, amber, assured.
SERIES = ("Red", "Amber", "Green", "Assured", "Closed, not achieved")
FILLS = {
    "Red": "800000",
    "Amber": "FEB24C",
    "Green": "4DAF4A",
    "Assured": "DEEBF7",
    "Closed, not achieved": "5E4FA2",
}
WHITE_TEXT = frozenset({"Red", "Closed, not achieved"})
CHART_PT = 10
CM_PER_PT = 2.54 / 72
ROW_CM = 15 * CM_PER_PT  # a row of the default height
MOST_BARS = 24  # more bars than this cannot each be named at 10 pt on one page: the table lists them instead
BAR_CM, TIGHTEST_BAR_CM, FRAME_CM = 0.85, 0.55, 3.2


def grey(colour: str) -> float:
    """How dark a fill prints in greyscale (0 black, 255 white): the luma printers use."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b


def _text(size: int = CHART_PT, colour: str = "000000", bold: bool = False) -> RichText:
    props = CharacterProperties(sz=size * 100, b=bold, solidFill=colour, latin=Font(typeface=FONT))
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _label(index: int, colour: str) -> DataLabel:
    return DataLabel(
        idx=index,
        showVal=True,
        showSerName=False,
        showCatName=False,
        showLegendKey=False,
        showPercent=False,
        showBubbleSize=False,
        txPr=_text(colour=colour),
        dLblPos="ctr",
    )


def stacked_bars(
    ws: Any,
    *,
    header_row: int,
    last_row: int,
    first_column: int,
    values: Sequence[Sequence[int]],
    names: Sequence[str],
    width_units: float,
    horizontal: bool = True,
) -> BarChart:
    """A stacked bar chart of the five series in columns `first_column`.. of rows header_row+1..last_row.

    `values` are the same figures as the sheet holds (one row per category), to decide which bars
    have room for their figure: a label that would not fit its bar is left off (the table has it).
    """
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = None
    chart.style = 10
    chart.legend.position = "b"
    chart.legend.txPr = _text()
    data = Reference(
        ws, min_col=first_column, max_col=first_column + len(SERIES) - 1, min_row=header_row, max_row=last_row
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    sized: Any = chart  # openpyxl's stubs type a chart's size in whole centimetres; it takes fractions
    sized.width = width_units * UNIT_PT * CM_PER_PT
    categories = max(len(values), 1)
    if horizontal:
        sized.height = max(6.0, FRAME_CM + categories * (BAR_CM if categories <= 15 else TIGHTEST_BAR_CM))
        chart.x_axis.scaling.orientation = "maxMin"  # keep the table's order, top to bottom
    else:
        sized.height = 9.0
    for axis in (chart.x_axis, chart.y_axis):
        axis.delete = False
        axis.txPr = _text()
    chart.x_axis.tickLblSkip = 1  # every category named
    chart.x_axis.tickMarkSkip = 1
    chart.y_axis.majorGridlines = None
    chart.y_axis.number_format = "0"
    longest = max((len(n) for n in names), default=4)
    label_room = longest * 0.6 * CHART_PT if horizontal else 0
    plot = _plot_length(chart, label_room, horizontal)
    top = max((sum(row) for row in values), default=0)
    scale = plot / (_axis_max(top) or 1)
    for column, (series, name) in enumerate(zip(chart.series, SERIES, strict=True)):
        series.graphicalProperties.solidFill = FILLS[name]
        series.graphicalProperties.line = LineProperties(solidFill="000000", w=6350)
        colour = "FFFFFF" if name in WHITE_TEXT else "000000"
        fits = [
            _label(index, colour)
            for index, row in enumerate(values)
            if row[column] > 0 and row[column] * scale >= len(str(row[column])) * 0.6 * CHART_PT + 4
        ]
        series.dLbls = DataLabelList(
            dLbl=fits, showVal=False, showSerName=False, showCatName=False, showLegendKey=False, showPercent=False
        )
    return chart


def _plot_length(chart: BarChart, label_room: float, horizontal: bool) -> float:
    """Roughly how long the value axis is drawn, in points."""
    if horizontal:
        return chart.width / CM_PER_PT - label_room - 40
    return chart.height / CM_PER_PT - 80


def _axis_max(top: int) -> float:
    """The end of the value axis a spreadsheet would choose: the next round number above the tallest bar."""
    if top <= 0:
        return 1.0
    step = float(10 ** math.floor(math.log10(top)))
    for multiple in (1.0, 2.0, 2.5, 5.0, 10.0):
        if top <= multiple * step:
            return max(multiple * step, float(top)) * 1.05
    return top * 1.1


def height_pt(chart: BarChart) -> float:
    return float(chart.height) / CM_PER_PT


def rows_below(chart: BarChart) -> int:
    """How many default rows a chart anchored at a row covers, so the next table starts below it."""
    return math.ceil(chart.height / ROW_CM) + 1
