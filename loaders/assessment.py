"""Assessment loaders: certificates (by enrollment, by holder)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from loaders.base import ModelsByKeyLoader, RecordLoader
from models.assessment import Certificate


class CertificateByEnrollmentLoader(RecordLoader):
    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await Certificate.filter(enrollment_id__in=list(keys))
        return {r.enrollment_id: r for r in rows}


class CertificatesByUserLoader(ModelsByKeyLoader):
    """A holder's certificates, in the order they were issued."""

    model = Certificate
    key_field = "user_id"
    order_by = ("issued_at", "id")
