"""The base every printed document derives from: paper, sections, metadata, the build.

A subclass names itself (``kind``, ``title``) and writes its content in ``write``; it may split
itself into sections (one per child, one per caregiver) that number their pages separately.
With no plan, documents print their blank, fill-by-hand version from ``blank_plan()``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from prepkit import i18n
from prepkit.forms.layout import MARGIN, PAPERS, Furniture, NumberedCanvas, SectionMark
from prepkit.forms.writer import Writer
from prepkit.i18n import N_
from prepkit.plan import Caregiver, Child, Contact, Parent, Plan

PAGE_OF = N_("Page {page} of {pages}")
MADE_REVIEW = N_("Plan made: {made}   Review by: {review}")
NO_DATE = "____________"


def blank_plan() -> Plan:
    """Empty people to print write-in rows for: families copy a page if they need more."""
    return Plan(
        parents=[Parent(), Parent()],
        children=[Child()],
        contacts=[Contact() for _ in range(4)],
        caregivers=[Caregiver(), Caregiver()],
    )


class Document:
    kind: ClassVar[str]
    title: ClassVar[str]  # an N_ msgid; also the PDF title (never personal data)
    always_english: ClassVar[bool] = False  # the school letter is for English-reading staff
    bottom_margin: ClassVar[float] = MARGIN + 18
    compact: ClassVar[bool] = False  # tighter headings, for a document meant to fit a page

    def __init__(
        self, plan: Plan | None, lang: str, *, with_english: bool = False, paper: str = "letter"
    ) -> None:
        self.blank = plan is None
        self.plan = plan if plan is not None else blank_plan()
        self.lang = lang
        self.with_english = with_english or self.always_english
        self.paper = paper
        self.pagesize = PAPERS[paper]
        self.frame_width = self.pagesize[0] - 2 * MARGIN
        self._sections = 0

    # --- hooks ---

    def write(self, w: Writer) -> None:
        raise NotImplementedError

    # --- shared pieces ---

    def writer(self) -> Writer:
        return Writer(
            self.lang,
            with_english=self.with_english,
            blank=self.blank,
            width=self.frame_width,
            compact=self.compact,
        )

    def section(self, w: Writer, key_base: int, continued: tuple[str, str] = ("", "")) -> None:
        """Start a new section: a fresh page and its own page numbering.  ``continued`` (the
        document language, and English or "") heads every page after the section's first, so
        a loose page still says whose it is."""
        if w.story and isinstance(w.story[-1], SectionMark):
            w.story.pop()  # the section just started holds nothing yet: this one replaces it
        elif w.story:
            w.page_break()
        self._sections += 1
        furniture = self.furniture(w, key_base * 1000 + self._sections)
        local, english = continued
        w.story.append(SectionMark(replace(furniture, continued=local, continued_en=english)))

    def furniture(self, w: Writer, key: int) -> Furniture:
        made, review = self.plan.record.made_on, self.plan.record.review_by
        made_s = w.date(made) if made else NO_DATE
        review_s = w.date(review) if review else NO_DATE
        en = i18n.translations("en")
        return Furniture(
            key=key,
            rtl=w.rtl,
            footer=w.t(MADE_REVIEW, made=made_s, review=review_s),
            footer_en=(
                en.gettext(MADE_REVIEW).format(
                    made=i18n.format_date(made, "en") if made else NO_DATE,
                    review=i18n.format_date(review, "en") if review else NO_DATE,
                )
                if w.bilingual
                else ""
            ),
            page_of=w.tr.gettext(PAGE_OF),
            page_of_en=PAGE_OF if w.bilingual else "",
        )

    def flowables(self, key_base: int = 0) -> list[Flowable]:
        w = self.writer()
        self._sections = 0
        self._key_base = key_base
        self.section(w, key_base)
        self.write(w)
        return w.story

    def new_section(self, w: Writer, continued: tuple[str, str] = ("", "")) -> None:
        self.section(w, self._key_base, continued)

    def local_title(self) -> str:
        return i18n.translations(self.lang).gettext(self.title)


def build_pdf(documents: Sequence[Document], title: str, paper: str) -> bytes:
    """One PDF from one or more documents; metadata names the document, never the family.
    Each document keeps its own page frame (the school letter's bottom margin is smaller) even
    when it is printed in a set with others."""
    pagesize = PAPERS[paper]
    out = io.BytesIO()
    template = BaseDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=documents[0].bottom_margin,
        title=title,
        author="prepkit",
        subject=title,
        keywords="prepkit",
        creator="prepkit",
        producer="prepkit",
        invariant=True,
    )
    bottoms = list(dict.fromkeys(d.bottom_margin for d in documents))  # the first doc's first
    template.addPageTemplates([_page_template(pagesize, bottom) for bottom in bottoms])
    story: list[Flowable] = []
    for number, doc in enumerate(documents, 1):
        if story:
            story.append(NextPageTemplate(_template_id(doc.bottom_margin)))
            story.append(PageBreak())
        story.extend(doc.flowables(number))
    template.build(story, canvasmaker=NumberedCanvas)
    return out.getvalue()


def _template_id(bottom: float) -> str:
    return f"page-{bottom:g}"


def _page_template(pagesize: tuple[float, float], bottom: float) -> PageTemplate:
    frame = Frame(
        MARGIN,
        bottom,
        pagesize[0] - 2 * MARGIN,
        pagesize[1] - MARGIN - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    return PageTemplate(_template_id(bottom), frames=[frame])
