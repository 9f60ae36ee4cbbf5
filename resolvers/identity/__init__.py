"""The identity domain's use cases.

What other domains may call besides policy and events: the identity steps of an account's
deletion and the exports' files (resolvers/identity/deletion.py, resolvers/identity/exports.py),
which the insight domain's privacy use cases combine with every domain's tables."""

from resolvers.identity.deletion import (
    DELETED_NAME,
    confirm_owner,
    erase_identity,
    successor_admin,
)
from resolvers.identity.exports import KEPT_FOR, download_path, exports_of, file_key

__all__ = [
    "DELETED_NAME",
    "KEPT_FOR",
    "confirm_owner",
    "download_path",
    "erase_identity",
    "exports_of",
    "file_key",
    "successor_admin",
]
