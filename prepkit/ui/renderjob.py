"""Rendering documents off the UI thread: the window keeps answering while PDFs are made.

A job gets its own copy of the plan, so the family can keep typing while it runs; each document
is rendered on its own (for export as separate files) and then all of them as one set (for the
preview and the printer).  Progress and results come back to the UI thread through signals.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, Signal

from prepkit.plan import Plan
from prepkit.ui.printjob import load_pdf


def page_count(pdf: bytes) -> int:
    document = load_pdf(pdf)
    count = document.pageCount()
    document.close()
    return count


@dataclass
class RenderRequest:
    plan: Plan
    documents: list[str]
    language: str
    with_english: bool = False
    paper: str = "letter"


@dataclass
class RenderResult:
    request: RenderRequest
    each: dict[str, bytes] = field(default_factory=dict)
    combined: bytes = b""
    pages: dict[str, int] = field(default_factory=dict)  # each document's page count


class RenderSignals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # RenderResult
    failed = Signal(str)  # the exception's class name: nothing personal goes to a log


class RenderJob(QRunnable):
    def __init__(self, request: RenderRequest) -> None:
        super().__init__()
        self.request = RenderRequest(
            copy.deepcopy(request.plan), list(request.documents), request.language,
            request.with_english, request.paper,
        )
        self.signals = RenderSignals()

    def run(self) -> None:
        from prepkit.forms.render import render_document, render_set

        req = self.request
        result = RenderResult(req)
        total = len(req.documents) + 1
        try:
            for done, doc in enumerate(req.documents):
                self.signals.progress.emit(done, total)
                result.each[doc] = render_document(
                    req.plan, doc, req.language, with_english=req.with_english, paper=req.paper
                )
                result.pages[doc] = page_count(result.each[doc])
            self.signals.progress.emit(total - 1, total)
            result.combined = render_set(
                req.plan, req.documents, req.language, with_english=req.with_english,
                paper=req.paper,
            )
        except Exception as error:
            self.signals.failed.emit(type(error).__name__)
            return
        self.signals.progress.emit(total, total)
        self.signals.finished.emit(result)
