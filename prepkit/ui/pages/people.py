"""Lists of the plan's adults for the pick-up and "if I can't come home" choices."""

from __future__ import annotations

from prepkit.i18n import N_, _
from prepkit.plan import Plan

NOBODY = N_("No one chosen")
UNNAMED = N_("(no name yet)")


def person_name(plan: Plan, person_id: str) -> str:
    who = plan.person(person_id)
    return (who.name.strip() or _(UNNAMED)) if who else ""


def person_items(plan: Plan) -> list[tuple[str, str, bool]]:
    rows = [("", NOBODY, True)]
    for who in plan.people():
        rows.append((who.id, who.name.strip(), False) if who.name.strip()
                    else (who.id, UNNAMED, True))
    return rows
