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
