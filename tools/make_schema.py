"""Rewrite docs/plan.schema.json from the plan model (a test fails when it is stale)."""

import json
from pathlib import Path

from prepkit import exchange

target = Path(__file__).resolve().parents[1] / "docs" / "plan.schema.json"
target.write_text(json.dumps(exchange.json_schema(), indent=2, ensure_ascii=False) + "\n")
print(f"wrote {target}")
