"""A recorded report whose file need not exist (the download must then answer 404)."""

from __future__ import annotations

import factory

from tests.factories import Base
from tracker.models import GeneratedReport


class GeneratedReportFactory(Base):
    class Meta:
        model = GeneratedReport

    kind = "assurance"
    file_name = factory.Sequence(lambda n: f"assurance-report-sample-{n}.xlsx")
    sha256 = "0" * 64
    size_bytes = 1234
    filters = factory.LazyFunction(lambda: {"description": "None: every action"})
