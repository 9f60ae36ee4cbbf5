"""Insight: the audit log (`auditLog`, admins only) and the learner's data: export and
account deletion (schema/insight/privacy.py)."""

from engine.domain import Domain
from schema.insight import audit, privacy

DOMAIN = Domain(
    "insight",
    query=audit.Query,
    mutation=privacy.Mutation,
    types=[audit.AuditEntry, *privacy.PRIVACY_TYPES],
    job_modules=["resolvers.insight.privacy_export"],
    # The accounts operations (provider sign-in, the admin console, audit log, export and
    # deletion) span identity and insight; insight, the higher, serves the file. The insight
    # issue's own insight.graphql will make this a list.
    operations="accounts.graphql",
)

__all__ = ["DOMAIN"]
