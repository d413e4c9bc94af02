"""D. Emergency contacts, in the order to call them.

Never labelled "ICE" (the usual "In Case of Emergency" shorthand) anywhere: for these families
those letters mean something else.
"""

from __future__ import annotations

from prepkit.i18n import N_
from prepkit.plan import Contact
from prepkit.ui.pages.listpage import ListPage
from prepkit.ui.widgets.form import Form


class ContactsPage(ListPage):
    key = "contacts"
    title_text = N_("Emergency contacts")
    intro_text = N_("People to call if something happens, in the order to call them. "
                    "Use “Move up” and “Move down”, or drag a name, to change the order.")
    list_attr = "contacts"
    list_label = N_("Contacts, in the order to call them")
    add_text = N_("Add a contact")
    remove_text = N_("Remove")
    confirm_text = N_("Remove {name} from the plan? What you wrote about them will be deleted.")
    empty_text = N_("No emergency contact yet. Press “Add a contact”.")
    unnamed_text = N_("Contact {n}")

    def make_item(self) -> Contact:
        return Contact()

    def build_form(self, form: Form) -> None:
        form.text("name", N_("Full name"))
        form.text("relationship", N_("Who they are to the family"),
                  placeholder=N_("For example: aunt, neighbor, friend"))
        form.phone("phones", N_("Mobile phone"), 0)
        form.phone("phones", N_("Another phone"), 1)
        form.language("language", N_("Language they speak"))
        form.check("near_school", N_("Lives or works near the school"))
        form.check("may_pick_up", N_("May pick up the children"))
        form.check("knows_plan", N_("Knows about this plan"))
        form.check("out_of_area", N_("Lives far away (a contact outside the area)"))
        form.check("in_another_country", N_("Lives in another country"))
