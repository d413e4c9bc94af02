"""H. Where the family's documents are: a place for each, never a number."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prepkit import labels
from prepkit.i18n import N_
from prepkit.plan import DocumentKind, DocumentPlace, Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.saver import Saver
from prepkit.ui.widgets import fields
from prepkit.ui.widgets.form import Form
from prepkit.ui.widgets.rowlist import ListOps

KINDS = [(kind, name) for kind, name in labels.DOCUMENT_KINDS.items()
         if kind is not DocumentKind.OTHER]


class PlaceOf:
    """The ``kept_where`` of one kind of document; the entry is made when first typed into."""

    def __init__(self, plan: Any, kind: DocumentKind) -> None:
        self.plan = plan
        self.kind = kind
        self.path = ["documents", str(kind)]

    def _find(self) -> DocumentPlace | None:
        return next((p for p in self.plan().documents.places if p.kind == self.kind), None)

    def available(self) -> bool:
        return True

    def get(self) -> str:
        place = self._find()
        return place.kept_where if place else ""

    def set(self, value: str) -> None:
        place = self._find()
        if place is None:
            place = DocumentPlace(kind=self.kind)
            self.plan().documents.places.append(place)
        place.kept_where = value


class OtherPlaces(ListOps):
    """The "other" papers: rows of their own, kept among the plan's document places."""

    def __init__(self, plan: Callable[[], Plan]) -> None:
        super().__init__(self._others, lambda: DocumentPlace(kind=DocumentKind.OTHER))
        self.plan = plan

    def _places(self) -> list[DocumentPlace]:
        return self.plan().documents.places

    def _others(self) -> list[DocumentPlace]:
        return [p for p in self._places() if p.kind == DocumentKind.OTHER]

    def add(self) -> None:
        self._places().append(self.factory())

    def _at(self, place: DocumentPlace) -> int:
        return next(i for i, p in enumerate(self._places()) if p is place)

    def remove(self, index: int) -> None:
        others = self._others()
        if 0 <= index < len(others):
            self._places().pop(self._at(others[index]))

    def move(self, index: int, offset: int) -> int:
        others = self._others()
        if not 0 <= index < len(others):
            return index
        target = max(0, min(len(others) - 1, index + offset))
        if target != index:
            places = self._places()
            a, b = self._at(others[index]), self._at(others[target])
            places[a], places[b] = places[b], places[a]
        return target


class DocumentPlacesPage(Page):
    key = "documents_where"
    title_text = N_("Where the documents are")
    intro_text = N_("Write only where each paper is kept, for example “blue folder under the "
                    "bed”. Never write document numbers here.")

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        form = self.form(lambda: self.plan)
        for kind, label in KINDS:
            form.add(fields.TextField(PlaceOf(lambda: self.plan, kind), label, self.changed))
        form.heading(N_("Other papers"))
        self.others = form.rows(
            OtherPlaces(lambda: self.plan), self._other,
            add_text=N_("Add another paper"), item_text=N_("Other paper {n}"),
            confirm_text=N_("Remove {name}? What you wrote about it will be deleted."))
        form.text("documents.copies_held_by", N_("Trusted person who has copies"))
        self.body.addStretch(1)

    @staticmethod
    def _other(form: Form) -> None:
        form.text("label", N_("What paper it is"), placeholder=N_(
            "For example: the children's vaccine cards from your home country"))
        form.text("kept_where", N_("Where it is kept"))

    def is_complete(self, plan: Plan) -> bool:
        return any(p.kept_where.strip() for p in plan.documents.places)
