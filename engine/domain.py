"""What a domain contributes to the API: its root fields, extra types and frontend operations.

Each `schema/<domain>/__init__.py` declares one `Domain`; `schema/root.py` lists them, in the
order of DESIGN.md, and everything that lists domains reads that list.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Domain:
    name: str
    query: type | None = None
    mutation: type | None = None
    subscription: type | None = None
    # Types reachable only through interfaces (`node`) must be listed for the schema.
    types: list[type] = field(default_factory=list)
    # The frontend operations files (../shared/operations) this domain serves, if any.
    operations: tuple[str, ...] = ()
    # Modules declaring the domain's job tasks (core/jobs.py): every worker imports them.
    job_modules: list[str] = field(default_factory=list)

    @property
    def models_module(self) -> str:
        return f"models.{self.name}"
