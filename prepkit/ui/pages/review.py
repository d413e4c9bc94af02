"""Review: the whole plan at a glance, and every gap as a link to the page that fixes it."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QWidget

from prepkit import i18n, validate
from prepkit.i18n import N_, _
from prepkit.plan import DocumentKind, Phone, Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.pages.caregivers import PAPERS, STATUSES
from prepkit.ui.pages.docplaces import KINDS
from prepkit.ui.pages.ifnothome import NO_ONE_THERE
from prepkit.ui.pages.people import person_name
from prepkit.ui.saver import Saver
from prepkit.ui.texts import picker_name

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


def _rows(title: str, rows: list[tuple[str, str]], page: str = "") -> str:
    """A section: its heading (with a "Change" link to its page), then every filled line."""
    lines = "".join(
        f"<div>{html.escape(_label(label))}: <b>{html.escape(value)}</b></div>"
        for label, value in rows if value.strip()
    )
    link = (f' <a href="{page}" style="font-size: small">{html.escape(_("Change"))}</a>'
            if page else "")
    empty = f"<div>{html.escape(_('Nothing written yet.'))}</div>"
    return f"<h3>{html.escape(_(title))}{link}</h3>{lines or empty}"


def _label(msgid: str) -> str:
    """A field's label before its value: a label that ends in a colon already (the child
    will:) gets no second one."""
    return _(msgid).rstrip().rstrip(":：").rstrip()


def _date(value: date | None) -> str:
    return i18n.format_date(value, i18n.interface_language()) if value else ""


def _phones(phones: list[Phone]) -> str:
    return ", ".join(p.text for p in phones if p.text.strip())


def _language(code: str) -> str:
    try:
        return picker_name(i18n.language(code)) if code else ""
    except ValueError:
        return code


def _option(options: Sequence[tuple[object, ...]], value: object) -> str:
    return next((_(str(o[1])) for o in options if o[0] == value and o[0]), "")


def _yes(on: bool) -> str:
    return _("Yes") if on else ""


def summary(plan: Plan) -> str:
    """The whole plan by section, A to L, in the interface language around the family's words."""
    rec = plan.record
    parts = [_rows(N_("About this plan"), [
        (N_("Date the plan was made"), _date(rec.made_on)),
        (N_("Look at the plan again by"), _date(rec.review_by)),
        (N_("Language the family reads best"), _language(rec.family_language)),
        (N_("Other languages for the printed copies"),
         ", ".join(_language(c) for c in rec.copy_languages)),
        *[(N_("Who has a copy"), " · ".join(x for x in (h.holder, h.document, _date(h.given_on))
                                            if x.strip()))
          for h in rec.distribution],
    ], "family")]
    for parent in plan.parents:
        parts.append(_rows(N_("Parents and guardians"), [
            (N_("Full name"), parent.name),
            (N_("Phone"), _phones(parent.phones)),
            (N_("Language they speak best"), _language(parent.spoken_language)),
            (N_("Best hours to call"), parent.best_hours),
        ], "parents"))
    if not plan.parents:
        parts.append(_rows(N_("Parents and guardians"), [], "parents"))
    for child in plan.children:
        names = ", ".join(person_name(plan, pid) for pid in child.pickup.authorized)
        nh = child.if_not_home
        parts.append(_rows(N_("Child"), [
            (N_("Full legal name"), child.legal_name),
            (N_("Name the child answers to"), child.called_name),
            (N_("Date of birth"), _date(child.birth_date)),
            (N_("School name"), child.school.name),
            (N_("Grade"), child.school.grade),
            (N_("Teacher"), child.school.teacher),
            (N_("Bus route"), " · ".join(x for x in (child.bus_route, child.bus_stop) if x)),
            (N_("After-school program or child care"), child.after_school.name),
            (N_("Doctor"), child.doctor.name),
            (N_("Allergies"), child.allergies),
            (N_("Health conditions"), child.conditions),
            (N_("Medicines"), ", ".join(
                " ".join(x for x in (m.name, m.dose, m.times) if x) for m in child.medications
                if m.name.strip())),
            (N_("Who may pick up"), names),
            (N_("Who comes first for the child"), person_name(plan, nh.first_pickup)),
            (N_("Who comes if the first person cannot"), person_name(plan, nh.second_pickup)),
            (N_("Where the child will go (address)"), nh.goes_to_address),
            (N_("If no one is home, or no one is at the bus stop, the child will:"),
             _option(NO_ONE_THERE, nh.no_one_there)),
        ], f"children:{child.id}"))
    if not plan.children:
        parts.append(_rows(N_("Children"), [], "children"))
    parts.append(_rows(N_("Emergency contacts"), [
        (N_("Full name"), " · ".join(x for x in (c.name, c.relationship, _phones(c.phones)) if x))
        for c in plan.contacts
    ], "contacts"))
    parts.append(_rows(N_("Caregivers"), [
        (N_("Full name"), " · ".join(x for x in (
            c.name, c.relationship, _phones(c.phones), _option(PAPERS, c.paper),
            _option(STATUSES, c.paper_status) if c.paper else "") if x))
        for c in plan.caregivers
    ], "caregivers"))
    parts.append(_rows(N_("For the whole family"), [
        (N_("Family code word"),
         # TRANSLATORS: beside "Family code word": one has been chosen (never shown here).
         _("Chosen") if plan.code_word.strip() else ""),
    ], "if_not_home"))
    kinds = dict(KINDS)
    parts.append(_rows(N_("Where the documents are"), [
        *[(kinds[p.kind] if p.kind in kinds else N_("Other papers"),
           " · ".join(x for x in (p.label if p.kind == DocumentKind.OTHER else "", p.kept_where)
                      if x.strip()))
          for p in plan.documents.places],
        (N_("Trusted person who has copies"), plan.documents.copies_held_by),
    ], "documents_where"))
    money = [(N_("Who can get money for rent and bills"), plan.money.who_can_reach_money),
             (N_("Bank accounts (the bank's name, no numbers)"), plan.money.bank_accounts),
             (N_("Power of attorney"), plan.money.power_of_attorney),
             (N_("The children may travel to join a parent in another country"),
              _yes(plan.travel.children_may_join_parent))]
    if plan.money.skipped and not any(v.strip() for _l, v in money):
        money = [(N_("Money and travel"),
                  # TRANSLATORS: the whole "Money and travel" page was skipped on purpose.
                  _("Skipped"))]
    parts.append(_rows(N_("Money and travel"), money, "money"))
    parts.append(_rows(N_("Legal help"), [
        *[(N_("Name of the office or lawyer"),
           " · ".join(x for x in (c.name, c.phone.text) if x.strip()))
          for c in plan.legal_help.contacts],
        (N_("I have read this"), _yes(plan.legal_help.read_notario_warning)),
    ], "legal"))
    com = plan.communication
    parts.append(_rows(N_("Staying in touch"), [
        (N_("Numbers to memorize"), _phones(com.memorize)),
        (N_("Send a text message first, then call"), _yes(com.text_first)),
        (N_("Meeting place"), com.meeting_place),
    ], "communication"))
    return "".join(parts)


class GapLink(QLabel):
    """One gap, as a link that wraps: one Tab stop; Enter or Space follows it, as a click does.

    (A plain QLabel with keyboard links takes two Tabs: one into the label, one onto its link.)
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setProperty("role", "gap")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.linkActivated.emit("gap")
            return
        super().keyPressEvent(event)


class ReviewPage(Page):
    key = "review"
    title_text = N_("Check the plan")
    intro_text = N_("Here is your plan. The list below shows what is still missing: press a line "
                    "to go to the page where you can add it.")

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        self.gaps_heading = QLabel()
        self.gaps_heading.setProperty("role", "heading")
        self.gaps_heading.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body.addWidget(self.gaps_heading)
        self.gap_links: list[GapLink] = []
        self.gaps_at = self.body.count()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty(MIXED_TEXT, True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        # "Change" links go to each section's page, by keyboard (Tab, Enter) or by mouse.
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                                             | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary.linkActivated.connect(self._link)
        self.body.addWidget(self.summary)
        self.body.addStretch(1)
        self.gaps: list[validate.Gap] = []

    def _link(self, href: str) -> None:
        key, _sep, child_id = href.partition(":")
        self.go_to.emit(key, child_id)

    def load(self, plan: Plan) -> None:
        super().load(plan)
        self.refresh()

    def refresh(self) -> None:
        for link in self.gap_links:
            link.hide()  # gone from the screen now, not when the event loop gets to it
            self.body.removeWidget(link)
            link.setParent(None)
            link.deleteLater()
        self.gaps = validate.completeness(self.plan)
        self.gap_links = []
        for index, gap in enumerate(self.gaps):
            # A link in a label, not a button: a long message wraps instead of being cut off.
            link = GapLink()
            link.setProperty("gap_index", index)
            # The child's or the person's own page: "Paulo has no phone number" opens Paulo.
            link.linkActivated.connect(
                lambda _href, g=gap: self.go_to.emit(SECTION_PAGES[g.section],
                                                     g.child_id or g.person_id)
            )
            self.body.insertWidget(self.gaps_at + index, link)
            link.show()  # now, not on the next turn of the event loop
            self.gap_links.append(link)
        self._order_tabs()
        self.retranslate_dynamic()

    def _order_tabs(self) -> None:
        """Links made after the page would come last in the window's Tab order (after Back and
        Next); thread them in reading order after the heading: heading, gaps, summary.  Qt only
        orders focusable widgets, so the heading is focusable just while the chain is made."""
        self.gaps_heading.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        previous: QWidget = self.gaps_heading
        for link in [*self.gap_links, self.summary]:
            QWidget.setTabOrder(previous, link)
            previous = link
        self.gaps_heading.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def activate_gap(self, index: int) -> None:
        """What Enter or a click on gap ``index`` does."""
        self.gap_links[index].linkActivated.emit("gap")

    def retranslate_dynamic(self) -> None:
        self.gaps_heading.setText(
            _("Still missing") if self.gaps else _("Nothing important is missing.")
        )
        for link, gap in zip(self.gap_links, self.gaps, strict=True):
            prefix = _("Needed") if gap.severity == validate.Severity.REQUIRED else _("Recommended")
            text = f"{prefix}: {gap.message.render()}"
            link.setText(f'<a href="gap">{html.escape(text)}</a>')
            link.setAccessibleName(text)
            link.setToolTip(_("Go to the page where you can fix this"))
        self.summary.setText(summary(self.plan))

    def retranslate(self) -> None:
        super().retranslate()
        self.retranslate_dynamic()

    def is_complete(self, plan: Plan) -> bool:
        """Done when nothing needed is missing (recommendations may stay)."""
        return not any(gap.severity == validate.Severity.REQUIRED
                       for gap in validate.completeness(plan))
