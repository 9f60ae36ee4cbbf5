"""The premium plans on sale, from the settings (PREMIUM_MONTHLY_PRICE, PREMIUM_YEARLY_PRICE,
PREMIUM_CURRENCY, PREMIUM_*_MONTHS): prices are read as decimal strings, strictly
(rules/commerce/money.py), never through a float. A plan that cannot be sold (a price of 0,
a malformed one, a period out of range) is a configuration error: it fails loudly on first
use rather than selling something wrong.
"""

from __future__ import annotations

from core.settings import Settings
from rules.commerce.money import InvalidMoney, parse_amount, parse_currency
from rules.commerce.plans import Plan, make_plans, plan_problem


def configured_plans(settings: Settings) -> dict[str, Plan]:
    """The plans with the settings' prices and periods, keyed by plan code."""
    try:
        plans = make_plans(
            monthly_price=parse_amount(settings.premium_monthly_price, "PREMIUM_MONTHLY_PRICE"),
            yearly_price=parse_amount(settings.premium_yearly_price, "PREMIUM_YEARLY_PRICE"),
            currency=parse_currency(settings.premium_currency, "PREMIUM_CURRENCY"),
            monthly_months=settings.premium_monthly_months,
            yearly_months=settings.premium_yearly_months,
        )
    except InvalidMoney as error:
        raise RuntimeError(f"{error.problem.field}: {error.problem.message}") from error
    problems = [problem for plan in plans.values() if (problem := plan_problem(plan))]
    if problems:
        raise RuntimeError("premium plans: " + "; ".join(problems))
    return plans
