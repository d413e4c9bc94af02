"""Review: the whole plan at a glance, and every gap as a link to the page that fixes it."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QPushButton

from prepkit import i18n, validate
from prepkit.i18n import N_, _
from prepkit.plan import Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.pages.people import person_name
from prepkit.ui.saver import Saver

SECTION_PAGES = {
    validate.Section.RECORD: "family",
    validate.Section.PARENTS: "parents",
    validate.Section.CHILDREN: "children",
    validate.Section.CONTACTS: "contacts",
    validate.Section.CAREGIVERS: "caregivers",
    validate.Section.PICKUP: "pickup",
    validate.Section.IF_NOT_HOME: "if_not_home",
    validate.Section.DOCUMENTS: "documents_where",
    validate.Section.LEGAL: "legal",
}
MIXED_TEXT = "prepkit_mixed_text"  # catalog headings around the family's own words


def _rows(title: str, rows: list[tuple[str, str]]) -> str:
    lines = "".join(
        f"<div>{html.escape(_(label))}: <b>{html.escape(value)}</b></div>"
        for label, value in rows if value.strip()
    )
    return f"<h3>{html.escape(_(title))}</h3>{lines or html.escape(_('Nothing written yet.'))}"


def summary(plan: Plan) -> str:
    code = i18n.interface_language()
    rec = plan.record
    parts = [_rows(N_("About this plan"), [
        (N_("Date the plan was made"), i18n.format_date(rec.made_on, code) if rec.made_on else ""),
        (N_("Look at the plan again by"),
         i18n.format_date(rec.review_by, code) if rec.review_by else ""),
    ])]
    parts.append(_rows(N_("Parents and guardians"),
                       [(N_("Full name"), p.name) for p in plan.parents]))
    for child in plan.children:
        names = ", ".join(person_name(plan, pid) for pid in child.pickup.authorized)
        parts.append(_rows(N_("Child"), [
            (N_("Full legal name"), child.legal_name),
            (N_("School name"), child.school.name),
            (N_("Bus route"), child.bus_route),
            (N_("Allergies"), child.allergies),
            (N_("Who may pick up"), names),
            (N_("Who comes first for the child"),
             person_name(plan, child.if_not_home.first_pickup)),
        ]))
    parts.append(_rows(N_("Emergency contacts"),
                       [(N_("Full name"), c.name) for c in plan.contacts]))
    parts.append(_rows(N_("Caregivers"), [(N_("Full name"), c.name) for c in plan.caregivers]))
    parts.append(_rows(N_("Legal help"),
                       [(N_("Name of the office or lawyer"), c.name)
                        for c in plan.legal_help.contacts]))
    return "".join(parts)


class ReviewPage(Page):
    key = "review"
    title_text = N_("Check the plan")
    intro_text = N_("Here is your plan. The list below shows what is still missing: press a line "
                    "to go to the page where you can add it.")

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        self.gaps_heading = QLabel()
        self.gaps_heading.setProperty("role", "heading")
        self.body.addWidget(self.gaps_heading)
        self.gap_buttons: list[QPushButton] = []
        self.gaps_at = self.body.count()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty(MIXED_TEXT, True)
        self.body.addWidget(self.summary)
        self.body.addStretch(1)
        self.gaps: list[validate.Gap] = []

    def load(self, plan: Plan) -> None:
        super().load(plan)
        self.refresh()

    def refresh(self) -> None:
        for button in self.gap_buttons:
            self.body.removeWidget(button)
            button.deleteLater()
        self.gaps = validate.completeness(self.plan)
        self.gap_buttons = []
        for index, gap in enumerate(self.gaps):
            button = QPushButton()
            button.setAutoDefault(True)
            button.setProperty("role", "gap")
            button.setProperty("gap_index", index)
            button.clicked.connect(
                lambda _c=False, g=gap: self.go_to.emit(SECTION_PAGES[g.section], g.child_id)
            )
            self.body.insertWidget(self.gaps_at + index, button)
            self.gap_buttons.append(button)
        self.retranslate_dynamic()

    def retranslate_dynamic(self) -> None:
        self.gaps_heading.setText(
            _("Still missing") if self.gaps else _("Nothing important is missing.")
        )
        for button, gap in zip(self.gap_buttons, self.gaps, strict=True):
            prefix = _("Needed") if gap.severity == validate.Severity.REQUIRED else _("Recommended")
            button.setText(f"{prefix}: {gap.message.render()}")
            button.setAccessibleName(button.text())
            button.setToolTip(_("Go to the page where you can fix this"))
        self.summary.setText(summary(self.plan))

    def retranslate(self) -> None:
        super().retranslate()
        self.retranslate_dynamic()
