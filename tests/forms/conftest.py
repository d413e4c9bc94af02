"""Shared fixtures for the document tests: sample plans and PDFs parsed back with pypdf.

Renders are cached per process: the content tests read the same (document, language) PDFs many
times, and rendering is the slow part.
"""

from __future__ import annotations

import io
from functools import cache

import pytest
from pypdf import PdfReader

from prepkit.forms.render import render_document
from prepkit.plan import Mode, Plan
from tests.forms.fixtures import sample_plan

LATIN = ("en", "es", "pt_BR", "ht", "vi", "ak", "sq", "so", "sw", "fr", "kea")
EXTRACTABLE = (*LATIN, "zh_Hans")


def pdf_text(data: bytes) -> str:
    """All text of a PDF, with no-break spaces (kept-together phones) read as spaces."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return text.replace("\u00a0", " ")


@cache
def rendered(doc: str, lang: str, mode: Mode = Mode.HOME, with_english: bool = False) -> bytes:
    return render_document(sample_plan(mode), doc, lang, with_english=with_english)


@cache
def rendered_text(doc: str, lang: str, mode: Mode = Mode.HOME, with_english: bool = False) -> str:
    return pdf_text(rendered(doc, lang, mode, with_english))


@pytest.fixture
def plan() -> Plan:
    return sample_plan()
