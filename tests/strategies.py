"""Hypothesis strategies for whole plans with arbitrary Unicode text (shared by several tests)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from prepkit import plan as p
from prepkit.validate import normalize_phone

# Any Unicode a family might type, including other scripts, emoji and bidi controls; no
# surrogates (they cannot be encoded) — everything else must survive every round trip.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
dates = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
# As the app and import keep them: the E.164 form always follows from the text as typed.
phones = st.builds(lambda t, k: normalize_phone(p.Phone(text=t, kind=k)), text,
                   st.sampled_from(p.PhoneKind))

parents = st.builds(p.Parent, name=text, phones=st.lists(phones, max_size=2), best_hours=text)
contacts = st.builds(
    p.Contact, name=text, relationship=text, phones=st.lists(phones, max_size=2),
    may_pick_up=st.booleans(), knows_plan=st.booleans(),
)
caregivers = st.builds(
    p.Caregiver, name=text, address=text, phones=st.lists(phones, max_size=2),
    agreed_on=dates, paper=st.sampled_from(p.CaregiverPaper),
    paper_status=st.sampled_from(p.PaperStatus),
)
children = st.builds(
    p.Child, legal_name=text, called_name=text, birth_date=dates, allergies=text,
    medications=st.lists(st.builds(p.Medication, name=text, dose=text), max_size=2),
    school=st.builds(p.School, name=text, grade=text),
)
plans = st.builds(
    p.Plan,
    record=st.builds(p.PlanRecord, made_on=dates, review_by=dates),
    parents=st.lists(parents, max_size=3),
    children=st.lists(children, max_size=3),
    contacts=st.lists(contacts, max_size=3),
    caregivers=st.lists(caregivers, max_size=2),
    code_word=text,
    private=st.none() | st.builds(p.PrivateSection, lawyer_name=text, a_number=text),
)
