"""Rewrite docs/plan.schema.json from the plan model (a test fails when it is stale)."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from prepkit import exchange  # noqa: E402

target = ROOT / "docs" / "plan.schema.json"
target.write_text(json.dumps(exchange.json_schema(), indent=2, ensure_ascii=False) + "\n")
print(f"wrote {target}")
