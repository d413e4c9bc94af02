"""I and J. Money, property and travel: optional, and easy to skip."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from prepkit.i18n import N_
from prepkit.plan import Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.saver import Saver


class MoneyPage(Page):
    key = "money"
    title_text = N_("Money and travel")
    intro_text = N_("You do not have to fill in this page. It helps the caregiver pay rent and "
                    "bills, and plan if the children would travel to join you.")

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        self.skip = QPushButton()
        self.skip.setAutoDefault(True)
        self.texts.label(self.skip, N_("Skip this page"))
        self.skip.clicked.connect(self._skip)
        self.body.addWidget(self.skip)
        form = self.form(lambda: self.plan)
        form.heading(N_("Money and property"))
        form.area("money.who_can_reach_money", N_("Who can get money for rent and bills"))
        form.area("money.bank_accounts", N_("Bank accounts (the bank's name, no numbers)"))
        form.area("money.paychecks_and_wages", N_("Paychecks and unpaid wages"))
        form.text("money.car", N_("Car"))
        form.text("money.lease", N_("Lease or rent"))
        form.text("money.valuables", N_("Valuable things"))
        form.text("money.power_of_attorney", N_("Power of attorney"))
        form.heading(N_("Travel"))
        form.check("travel.children_may_join_parent",
                   N_("The children may travel to join a parent in another country"))
        form.text("travel.passports_kept", N_("Where the children's passports are"))
        form.text("travel.travel_consent", N_("Signed travel permission (where it is kept)"))
        self.body.addStretch(1)

    def _skip(self) -> None:
        self.plan.money.skipped = True
        self.plan.travel.skipped = True
        self.changed()
        self.go_to.emit("", "")  # the window moves on to the next step

    def is_complete(self, plan: Plan) -> bool:
        filled = any(str(v).strip() for k, v in vars(plan.money).items() if k != "skipped")
        return plan.money.skipped or filled
