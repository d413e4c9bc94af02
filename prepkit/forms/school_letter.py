"""2. The school pick-up letter, one per child, for the school's front office.

It holds only what the office needs to release a child safely, and always carries English for
the office staff.  It never shows the family code word (the child and the authorized adults use
it; a letter in a school file would give it away), nothing of the private section, and no
health detail except the note the parent chose to share with the school.
"""

from __future__ import annotations

from prepkit import labels
from prepkit.forms import common
from prepkit.forms.base import Document
from prepkit.forms.layout import MARGIN
from prepkit.forms.writer import Writer
from prepkit.i18n import N_
from prepkit.plan import Child

# Heads the second page of a letter that runs long, so a loose page still names the child.
CONTINUED = N_("School pick-up authorization for {name} (continued)")
NO_NAME = "____________"


class SchoolLetter(Document):
    kind = "school-letter"
    title = labels.DOCUMENT_TITLES["school-letter"]
    always_english = True
    compact = True  # one page per child: the office files it with the emergency card
    bottom_margin = MARGIN + 8

    def write(self, w: Writer) -> None:
        plan = self.plan
        if not plan.children:  # one letter per child: say why there is none, never a blank page
            w.title(self.title)
            w.text(N_("No child is in the plan yet."))
            return
        for child in plan.children:
            name = child.legal_name or child.display_name or NO_NAME
            english = w.en(CONTINUED, name=name) if w.bilingual else ""
            self.new_section(w, continued=(w.t(CONTINUED, name=name), english))
            self.letter(w, child)

    def letter(self, w: Writer, child: Child) -> None:
        plan = self.plan
        w.title(self.title)
        w.grid(
            [
                [(N_("Child"), child.legal_name), (N_("Grade"), child.school.grade)],
                [(N_("School"), child.school.name), (N_("Date"), w.date(plan.record.made_on))],
            ]
        )
        w.heading(N_("Parents and guardians"))
        common.parents_table(w, [] if w.blank else list(plan.parents))
        w.heading(N_("Adults who may pick up my child, in order"))
        w.strong(
            N_(
                "Release my child only to these persons. If they cannot be reached, "
                "please call a parent."
            )
        )
        people = [] if w.blank else plan.authorized_people(child)
        common.people_table(w, people)
        if child.health_note_for_school or w.blank:
            w.heading(N_("Health note for the school"))
            w.data(child.health_note_for_school)
        with w.together():  # the signature line never goes to a page of its own
            w.space(4)
            w.text(
                N_(
                    "Please keep this letter with the child's emergency card and call a parent "
                    "if anything changes."
                )
            )
            w.signature(N_("Parent or guardian signature"))
