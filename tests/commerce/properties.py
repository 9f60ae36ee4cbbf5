"""Hypothesis settings and strategies the commerce rule tests share.

Examples per property: PROPERTY_EXAMPLES (default 200), derandomized so CI runs the same
inputs every time; with PROPERTY_EXAMPLES set the run is random, e.g.
`PROPERTY_EXAMPLES=5000 pytest tests/commerce`.
"""

import os
from decimal import Decimal

from hypothesis import settings
from hypothesis import strategies as st

EXPLORING = "PROPERTY_EXAMPLES" in os.environ
PROPERTIES = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES") or 200),
    derandomize=not EXPLORING,
    database=None,
)

# Amounts with 2 places within numeric(10,2), drawn as whole cents (never through a float).
amounts = st.integers(0, 9_999_999_999).map(lambda c: Decimal(c).scaleb(-2))
