"""The typed request context every resolver receives as `info.context`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from strawberry.types import Info

from core.clients import request_client_address
from core.errors import not_signed_in
from core.settings import Settings, get_settings
from loaders.base import Loaders
from services import Services, build_services

if TYPE_CHECKING:
    from models.identity import AuthToken, User


@dataclass
class Context:
    viewer: User | None = None
    token: AuthToken | None = None
    request: Any = None  # starlette Request or WebSocket
    settings: Settings = field(default_factory=get_settings)
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    loaders: Loaders = field(default_factory=Loaders)
    # Built once by create_app (the view hands them over); a context made elsewhere without
    # them (tests, tools) gets ones built from the process's settings.
    services: Services = field(default_factory=lambda: build_services(get_settings()))

    def __post_init__(self) -> None:
        if not self.settings.loader_batching:
            self.loaders = Loaders(batching=False)

    @property
    def user(self) -> User:
        """The viewer, for fields whose permission requires one (engine/permissions.py)."""
        if self.viewer is None:
            raise not_signed_in()
        return self.viewer

    @cached_property
    def client_address(self) -> str | None:
        """The client's IP address (core/clients.py): the socket peer, or the address a
        trusted proxy (TRUSTED_PROXIES) forwarded; None when unknown (no request, a Unix
        socket)."""
        return request_client_address(self.request, self.settings.trusted_proxies)

    def fresh_loaders(self) -> Loaders:
        """New loaders (empty caches), e.g. for each subscription event."""
        self.loaders = Loaders(batching=self.settings.loader_batching)
        return self.loaders


AppInfo = Info[Context, None]
