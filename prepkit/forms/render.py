"""The public face of ``prepkit.forms``: render a plan's documents to PDF bytes.

    render_document(plan, "school-letter", "ne", with_english=True) -> bytes
    render_set(plan, ["family-plan", "child-cards"], "ar", paper="a4") -> bytes
    render_document(None, "caregiver-papers", "es")  # the blank, fill-by-hand version

Renderers never use the interface's ``_``: each document is written in its own language, from
``i18n.translations(lang)``, so the liaison's screen and the family's paper can differ.
"""

from __future__ import annotations

from collections.abc import Sequence

from prepkit import i18n
from prepkit.forms.base import Document, build_pdf
from prepkit.forms.cards import ChildCards, ParentCard
from prepkit.forms.caregiver_papers import CaregiverPapers
from prepkit.forms.family_plan import FamilyPlan
from prepkit.forms.packets import CaregiverPacket, DetainedSteps, DocumentChecklist, UpdateNotice
from prepkit.forms.school_letter import SchoolLetter
from prepkit.i18n import N_
from prepkit.plan import Plan

_CLASSES: tuple[type[Document], ...] = (
    FamilyPlan,
    SchoolLetter,
    CaregiverPacket,
    ChildCards,
    ParentCard,
    DocumentChecklist,
    CaregiverPapers,
    DetainedSteps,
    UpdateNotice,
)
_BY_KIND: dict[str, type[Document]] = {cls.kind: cls for cls in _CLASSES}

# In the order they are printed as a set; titles are msgids (translate with the doc language).
DOCUMENTS: tuple[tuple[str, str], ...] = tuple((cls.kind, cls.title) for cls in _CLASSES)
SET_TITLE = N_("Family preparedness plan: printed copies")


class UnknownDocument(ValueError):
    pass


def document_class(kind: str) -> type[Document]:
    try:
        return _BY_KIND[kind]
    except KeyError:
        raise UnknownDocument(kind) from None


def render_document(
    plan: Plan | None, doc: str, lang: str, *, with_english: bool = False, paper: str = "letter"
) -> bytes:
    """One document as PDF bytes; ``plan=None`` prints the blank, fill-by-hand version."""
    return render_set(plan, [doc], lang, with_english=with_english, paper=paper)


def render_set(
    plan: Plan | None,
    docs: Sequence[str],
    lang: str,
    *,
    with_english: bool = False,
    paper: str = "letter",
) -> bytes:
    """Several documents in one PDF for printing; each numbers its own pages."""
    i18n.language(lang)  # refuse an unknown language before any work
    if paper not in ("letter", "a4"):
        raise ValueError(f"paper must be 'letter' or 'a4', not {paper!r}")
    if not docs:
        raise ValueError("no documents to render")
    classes = [document_class(kind) for kind in docs]
    documents = [cls(plan, lang, with_english=with_english, paper=paper) for cls in classes]
    tr = i18n.translations(lang)
    title = tr.gettext(classes[0].title if len(classes) == 1 else SET_TITLE)
    return build_pdf(documents, title, paper)
