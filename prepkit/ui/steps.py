"""The wizard's steps, in order: one place to see (and change) the whole flow."""

from __future__ import annotations

from prepkit.plan import Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.pages.caregivers import CaregiversPage
from prepkit.ui.pages.children import ChildrenPage
from prepkit.ui.pages.communication import CommunicationPage
from prepkit.ui.pages.contacts import ContactsPage
from prepkit.ui.pages.docplaces import DocumentPlacesPage
from prepkit.ui.pages.family import FamilyPage
from prepkit.ui.pages.ifnothome import IfNotHomePage
from prepkit.ui.pages.legal import LegalPage
from prepkit.ui.pages.money import MoneyPage
from prepkit.ui.pages.parents import ParentsPage
from prepkit.ui.pages.pickup import PickupPage
from prepkit.ui.pages.review import ReviewPage
from prepkit.ui.saver import Saver


def make_steps(plan: Plan, saver: Saver, store: object, *, kiosk: bool) -> list[Page]:
    pages: list[Page] = [
        FamilyPage(plan, saver),
        ParentsPage(plan, saver),
        ChildrenPage(plan, saver),
        ContactsPage(plan, saver),
        CaregiversPage(plan, saver),
        PickupPage(plan, saver),
        IfNotHomePage(plan, saver),
        DocumentPlacesPage(plan, saver),
        MoneyPage(plan, saver),
        LegalPage(plan, saver, kiosk=kiosk),
        CommunicationPage(plan, saver),
        ReviewPage(plan, saver),
    ]
    try:
        from prepkit.ui.pages.printing import PrintPage
    except ImportError:  # the documents page needs prepkit.forms; the wizard works without it
        return pages
    pages.append(PrintPage(plan, saver, store))
    return pages
