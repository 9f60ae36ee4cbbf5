"""Node-based test tools (the graphql-http audit, the JavaScript WebSocket clients): the
packages come from `npm ci` (package.json); tests using them skip with a reason without them."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def node_skip_reason(*packages: str) -> str | None:
    """Why Node tests needing these npm packages cannot run here, or None when they can."""
    if shutil.which("node") is None:
        return "node is not installed (the JavaScript test clients run with Node)"
    missing = [
        name for name in packages if not (ROOT / "node_modules" / name / "package.json").exists()
    ]
    if missing:
        names = ", ".join(f"node_modules/{name}" for name in missing)
        return f"{names} missing: run `npm ci` (make does it when npm exists)"
    return None
