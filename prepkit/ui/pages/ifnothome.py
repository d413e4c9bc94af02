"""G. "If I can't come home": each child's plan, then what the whole family agrees on."""

from __future__ import annotations

from prepkit import validate
from prepkit.i18n import N_
from prepkit.plan import IfNotHome, NoOneThere, Plan
from prepkit.ui.pages.people import person_items
from prepkit.ui.pages.perchild import PerChildPage
from prepkit.ui.saver import Saver

NO_ONE_THERE = [
    (NoOneThere.UNSET, N_("Not decided yet"), ""),
    (NoOneThere.STAY_ON_BUS, N_("Stay on the bus"),
     N_("The driver takes the child back to school.")),
    (NoOneThere.BACK_TO_SCHOOL, N_("Go back into the school"),
     N_("The child tells a teacher or the front office.")),
    (NoOneThere.NEIGHBOUR, N_("Go to a neighbor"),
     N_("Write the neighbor's name and address below.")),
]


class IfNotHomePage(PerChildPage):
    key = "if_not_home"
    title_text = N_("If I can't come home")
    intro_text = N_("What happens for each child on the day you cannot come home.")

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        people = lambda: person_items(self.plan)  # noqa: E731 - refreshed on every load
        child = self.form(self._if_not_home)
        child.pick("first_pickup", N_("Who comes first for the child"), people)
        child.pick("second_pickup", N_("Who comes if the first person cannot"), people)
        child.area("goes_to_address", N_("Where the child will go (address)"))
        child.radios("no_one_there",
                     N_("If no one is home, or no one is at the bus stop, the child will:"),
                     NO_ONE_THERE)
        child.text("neighbour_name", N_("Neighbor's name"))
        child.area("neighbour_address", N_("Neighbor's address"))
        child.pick("tells_school", N_("Who tells the school"), people)
        child.area("notes", N_("Anything else for this child"))
        self.child_form = child

        family = self.form(lambda: self.plan)
        family.heading(N_("For the whole family"))
        family.text("code_word", N_("Family code word"),
                    help=N_("A secret word the children and the trusted adults know. "
                            "It is never printed on the school letter."))
        family.heading(N_("The caregiver's first hours"))
        family.note(N_("Tick what the caregiver should do in the first 1 to 3 days."))
        family.check("first_hours.call_legal_help", N_("Call the lawyer or legal aid"))
        family.check("first_hours.use_detainee_locator",
                     N_("Look for the parent with the online detainee locator"))
        family.check("first_hours.call_consulate", N_("Call the consulate"))
        family.check("first_hours.get_documents", N_("Get the family's documents"))
        family.check("first_hours.bring_papers_to_school_and_doctor",
                     N_("Bring the caregiver papers to the school and the doctor"))
        family.area("first_hours.notes", N_("Other steps"))
        self.body.addStretch(1)

    def _if_not_home(self) -> IfNotHome | None:
        child = self.child()
        return child.if_not_home if child else None

    def child_forms(self) -> list:
        return [self.child_form]

    def is_complete(self, plan: Plan) -> bool:
        return bool(plan.children) and not any(
            g.section == validate.Section.IF_NOT_HOME for g in validate.completeness(plan)
        )
