"""Access rules as SQL. Each domain's policy (`resolvers/<domain>/policy.py`) states once who
may see a row, as a `Rule` over the viewer: a condition on the row's table alias. The node
resolver (engine/node.py) and list queries apply it in their statements now; the read
compiler embeds the same condition. Model-free: a rule names columns, not models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Adds a parameter to the statement being built and returns its placeholder (`$3`).
Param = Callable[[Any], str]


class Params(list[Any]):
    """A statement's parameters, built as its text is: `params(value)` appends the value and
    returns its placeholder. The one way statements assembled from parts number them."""

    def __call__(self, value: Any) -> str:
        self.append(value)
        return f"${len(self)}"


@dataclass(frozen=True)
class Rule:
    """`condition(alias, param)` is the SQL condition rows (as `alias`) must meet."""

    condition: Callable[[str, Param], str]

    def sql(self, alias: str, param: Param) -> str:
        return f"({self.condition(alias, param)})"


EVERYONE = Rule(lambda alias, param: "TRUE")
NOBODY = Rule(lambda alias, param: "FALSE")


def column_is(column: str, value: Any) -> Rule:
    return Rule(lambda alias, param: f'{alias}."{column}" = {param(value)}')


def any_of(*rules: Rule) -> Rule:
    return Rule(lambda alias, param: " OR ".join(r.sql(alias, param) for r in rules))


def related_row(table: str, key: str, rule: Rule, alias: str = "r") -> Rule:
    """Rows whose `key` column points at a row of `table` that `rule` lets through."""

    def condition(outer: str, param: Param) -> str:
        inner = f"{alias}_{outer}"
        return (
            f'EXISTS (SELECT 1 FROM "{table}" {inner} WHERE {inner}.id = {outer}."{key}" '
            f"AND {rule.sql(inner, param)})"
        )

    return Rule(condition)


class GrantPoint:
    """Where a higher domain widens a lower domain's rule (the lower one may not import it):
    the lower policy ORs `point.rules(viewer)` into its rule; the higher one `add`s a rule
    over the viewer when its policy module is imported (e.g. a classroom's teacher reads the
    conversation sessions submitted to the class). Rules stay SQL, so every path (`node`,
    lists, nested fields, the read compiler) applies the same widening."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._grants: list[Callable[[Any], Rule]] = []

    def add(self, grant: Callable[[Any], Rule]) -> None:
        if grant not in self._grants:  # importing twice grants once
            self._grants.append(grant)

    def rules(self, viewer: Any) -> list[Rule]:
        """The added rules for this viewer (none for an anonymous one)."""
        if viewer is None:
            return []
        return [grant(viewer) for grant in self._grants]

    def widen(self, rule: Rule, viewer: Any) -> Rule:
        """`rule`, or any row an added rule lets through."""
        extra = self.rules(viewer)
        return any_of(rule, *extra) if extra else rule
