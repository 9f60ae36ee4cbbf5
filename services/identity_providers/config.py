"""The identity providers we accept ID tokens from, as the settings configure them.

Each provider has the issuers its tokens may name (`iss`), the URL of its published signing
keys (JWKS) and the client ids its tokens must be addressed to (`aud`). Google, Apple and
Microsoft are built in (`providers_from`); their settings default to the real providers'
issuers and key URLs, and a provider without a client id is refused when a token of it
arrives (PROVIDER_NOT_CONFIGURED), not at start-up, so the others keep working.

Microsoft's multi-tenant ("common") endpoint signs tokens for every Entra tenant with the
same keys and names the tenant in the issuer: `https://login.microsoftonline.com/{tid}/v2.0`.
An issuer may therefore contain the template `{tenantid}`, which stands for the token's own
`tid` claim (a tenant id: letters, digits and hyphens). That checks the token is consistent
with its tenant; it does not restrict which tenants may sign in: to allow only some, list
their issuers instead of the template (OIDC_MICROSOFT_ISSUER, comma-separated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.settings import Settings

TENANT_TEMPLATE = "{tenantid}"
_TENANT_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
LABELS = {"google": "Google", "apple": "Apple", "microsoft": "Microsoft"}


@dataclass(frozen=True)
class ProviderConfig:
    name: str  # lowercase: google | apple | microsoft
    issuers: tuple[str, ...]  # may contain `{tenantid}` (see the module docstring)
    jwks_url: str
    client_ids: tuple[str, ...]  # empty: the provider is refused

    @property
    def label(self) -> str:
        """The provider's name as users know it, for messages."""
        return LABELS.get(self.name, self.name.capitalize())

    @property
    def configured(self) -> bool:
        return bool(self.client_ids)

    def issuers_for(self, tenant_id: object) -> tuple[str, ...]:
        """The issuers a token with this `tid` claim may name: templates filled with the
        tenant id, and dropped when the token has none (or a malformed one)."""
        tenant = (
            tenant_id if isinstance(tenant_id, str) and _TENANT_ID.fullmatch(tenant_id) else None
        )
        issuers = []
        for issuer in self.issuers:
            if TENANT_TEMPLATE not in issuer:
                issuers.append(issuer)
            elif tenant is not None:
                issuers.append(issuer.replace(TENANT_TEMPLATE, tenant))
        return tuple(issuers)


def providers_from(settings: Settings) -> dict[str, ProviderConfig]:
    """Google, Apple and Microsoft as configured, by name.

    A provider with client ids but no issuer or no JWKS URL is a configuration error,
    raised here (at start-up) rather than refusing every token later."""
    providers = {
        "google": ProviderConfig(
            name="google",
            issuers=tuple(settings.oidc_google_issuers),
            jwks_url=settings.oidc_google_jwks_url.strip(),
            client_ids=tuple(settings.oidc_google_client_ids),
        ),
        "apple": ProviderConfig(
            name="apple",
            issuers=tuple(settings.oidc_apple_issuers),
            jwks_url=settings.oidc_apple_jwks_url.strip(),
            client_ids=tuple(settings.oidc_apple_client_ids),
        ),
        "microsoft": ProviderConfig(
            name="microsoft",
            issuers=tuple(settings.oidc_microsoft_issuers),
            jwks_url=settings.oidc_microsoft_jwks_url.strip(),
            client_ids=tuple(settings.oidc_microsoft_client_ids),
        ),
    }
    for provider in providers.values():
        if provider.configured and not (provider.issuers and provider.jwks_url):
            variable = f"OIDC_{provider.name.upper()}"
            raise ValueError(
                f"{variable}_CLIENT_IDS is set but {variable}_ISSUER or {variable}_JWKS_URL "
                "is empty"
            )
    return providers
