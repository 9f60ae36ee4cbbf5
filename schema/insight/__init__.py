"""Insight: the audit log (`auditLog`, admins only) and the learner's data: export and
account deletion (schema/insight/privacy.py)."""

from strawberry.tools import merge_types

from engine.domain import Domain
from schema.insight import analytics, audit, privacy, progress

DOMAIN = Domain(
    "insight",
    query=merge_types("InsightQuery", (audit.Query, analytics.Query)),
    mutation=privacy.Mutation,
    types=[
        audit.AuditEntry,
        *privacy.PRIVACY_TYPES,
        *progress.PROGRESS_TYPES,
        *analytics.ANALYTICS_TYPES,
    ],
    job_modules=["resolvers.insight.privacy_export"],
    # The accounts operations (provider sign-in, the admin console, audit log, export and
    # deletion) span identity and insight: insight, the higher, serves them with its own.
    operations=("accounts.graphql", "insight.graphql"),
)

__all__ = ["DOMAIN"]
