"""Renders shared by every viewer of a role: a statement rendered once for a stand-in viewer
whose id (and bearer-token key) are left open, filled in per request.

Rendering a nested read costs about a millisecond of Python, and real viewers send few
requests each: a render per viewer would be paid on nearly every request. The access rules
read a viewer's id and role only, and the id goes into the statement as a parameter, so one
render fits every viewer of a role — unless a render does anything else with the id (compares
it, formats it into the SQL, reads another attribute of the viewer): the stand-ins refuse
that (`ViewerSpecific`), and such an operation is rendered per viewer as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NoReturn

from models.identity import User


class ViewerSpecific(Exception):
    """The render used a left-open value as more than a statement parameter."""


class OpenValue:
    """A value the template leaves open (the viewer's id, the token key): it may only be
    passed along as a parameter; any other use (comparing, hashing, formatting, reading an
    attribute) raises `ViewerSpecific`."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "name", name)

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ViewerSpecific(self.name)

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __hash__ = __bool__ = __str__ = __format__ = __iter__ = __len__ = _refuse

    def __getattr__(self, name: str) -> NoReturn:
        raise ViewerSpecific(f"{self.name}.{name}")

    def __repr__(self) -> str:
        return f"<open {self.name}>"


def stand_in(viewer: User) -> tuple[User, OpenValue]:
    """A viewer with `viewer`'s role whose id is left open (no other attribute is set: reading
    one fails the render), and that open id."""
    open_id = OpenValue("viewer id")
    found = User.__new__(User)
    found.__dict__.update(id=open_id, role=viewer.role)
    return found, open_id


@dataclass(frozen=True)
class Template:
    """A statement and its parameters with the open values' positions."""

    sql: str
    params: tuple[Any, ...]
    now_index: int | None
    id_positions: tuple[int, ...]
    key_positions: tuple[int, ...]

    @classmethod
    def of(
        cls,
        sql: str,
        params: list[Any],
        now_index: int | None,
        open_id: OpenValue | None,
        open_key: OpenValue | None,
    ) -> Template:
        """The template of a render made with the open values; `ViewerSpecific` when one is
        held inside another parameter (a list), where it could not be filled in."""
        for value in params:
            if isinstance(value, list | tuple | dict | set) and _holds_open(value):
                raise ViewerSpecific("an open value inside a parameter")
        return cls(
            sql,
            tuple(params),
            now_index,
            _positions(params, open_id),
            _positions(params, open_key),
        )

    def params_for(self, viewer_id: Any, key: Any) -> list[Any]:
        params = list(self.params)
        for index in self.id_positions:
            params[index] = viewer_id
        for index in self.key_positions:
            params[index] = key
        return params


def _positions(params: list[Any], value: OpenValue | None) -> tuple[int, ...]:
    return () if value is None else tuple(i for i, held in enumerate(params) if held is value)


def _holds_open(value: Any) -> bool:
    items = value.values() if isinstance(value, dict) else value
    return any(
        isinstance(item, OpenValue)
        or (isinstance(item, list | tuple | dict | set) and _holds_open(item))
        for item in items
    )
