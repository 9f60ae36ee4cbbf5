"""Refusal hooks: what the mutation pipeline (engine/mutations.py) tells about a signed-in
viewer's mutation that ended in payload errors, so a higher domain (the audit log,
resolvers/insight/audit.py) can record refused attempts without the engine importing it.

A hook is awaited with the viewer, the mutation's field name in snake case
(`set_user_role`) and the `AppError`; it decides what, if anything, it records, in a
transaction of its own (the use case's rolled back). Hooks are registered once, at
start-up (main.create_app, through the domain's `register_subscribers`); registering the
same hook twice has no effect.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from core.errors import AppError

RefusalHook = Callable[[Any, str, AppError], Awaitable[None]]  # (viewer, action, error)

_hooks: list[RefusalHook] = []


def on_refusal(hook: RefusalHook) -> None:
    if hook not in _hooks:
        _hooks.append(hook)


async def refused(viewer: Any, action: str, error: AppError) -> None:
    """Await every hook, in registration order."""
    for hook in _hooks:
        await hook(viewer, action, error)
