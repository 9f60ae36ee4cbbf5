"""Base classes shared by every domain's models."""

from __future__ import annotations

import uuid

from tortoise import fields
from tortoise.models import Model


class Entity(Model):
    """UUID primary key and creation time, as every table has."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        abstract = True


class MutableEntity(Entity):
    """An entity whose rows change: also tracks the last update."""

    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        abstract = True
