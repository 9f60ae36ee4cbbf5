"""Studio loaders: materials (a learner's pages, filtered), their chunks and assets (pages
and counts), the viewer's rating of an asset; a material's language is the catalog's
`LanguageByCodeLoader` (loaders/catalog.py, shared with recordings).

Every list loads for many parents in one windowed statement (core/pagination.py), and every
count in one GROUP BY, so a material's answer costs the same statements however many
chunks and assets it has. Access is checked where the lists hang: a material's chunks and
assets are read through a material the viewer reads (resolvers/studio/policy.py), and a
learner's materials through `User.studyMaterials`, for the user themselves and admins.

- A learner's materials: not deleted, newest first, filtered by `MaterialFilter`: a tag
  (the tags array contains it: `@>`, which the GIN index answers), a subject area (case
  ignored), a status, and a text search. The search matches materials whose title,
  description, subject area, tags and text contain every word of it, each as the start of
  a word (PostgreSQL full-text search with the `simple` configuration: case folded, no
  stemming, so it works alike in every language; `to_tsquery` with prefix matching).
- A material's chunks: in position order. Its assets: the ACTIVE ones (archived ones are
  kept only for their cards' history), of one type or all, in the material's order
  (`ASSET_ORDER`: by their chunk's position, the material's summary last, then as the
  generator made them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from core.access import Params
from core.pagination import KeysetQuery, Page, PageArgs, fetch_child_pages
from core.rows import fetch_records
from loaders.base import (
    CountByKeyLoader,
    ModelByIdLoader,
    ModelByPairLoader,
    PageByParentLoader,
    RecordLoader,
)
from loaders.catalog import LanguageByCodeLoader as LanguageByCodeLoader  # shared
from models.studio import (
    AssetFeedback,
    AssetStatus,
    ContentChunk,
    GeneratedAsset,
    StudyMaterial,
)

MATERIALS = StudyMaterial._meta.db_table
CHUNKS = ContentChunk._meta.db_table
ASSETS = GeneratedAsset._meta.db_table
_ACTIVE = f"t.status = '{AssetStatus.ACTIVE.value}'"

# Assets (`t`) with their chunk (`c`), and the material's order of them.
ASSETS_WITH_CHUNKS = f'"{ASSETS}" t LEFT JOIN "{CHUNKS}" c ON c.id = t.chunk_id'
ASSET_ORDER = ["coalesce(c.position, 2147483647)", "t.created_at", "t.id"]

SEARCH_WORDS = 8  # words of a search used at most
_WORD = re.compile(r"\w+")
_SEARCHED = (
    "to_tsvector('simple', t.title || ' ' || t.description || ' ' || t.subject_area || ' ' "
    "|| array_to_string(t.tags, ' ') || ' ' || t.text)"
)


class MaterialByIdLoader(ModelByIdLoader):
    """Materials by id, deleted or not: for rows already checked (a visible asset's)."""

    model = StudyMaterial


class ChunkByIdLoader(ModelByIdLoader):
    model = ContentChunk


class AssetByIdLoader(ModelByIdLoader):
    model = GeneratedAsset


class RatingByUserAssetLoader(ModelByPairLoader):
    """Keys `(user_id, asset_id)`: the user's rating of the asset, or None."""

    model = AssetFeedback
    columns = ("user_id", "asset_id")


# --- a learner's materials ---------------------------------------------------------------


def search_query(search: str | None) -> str | None:
    """The `to_tsquery` text of a search: each word as a prefix, all of them required; None
    when it has no word."""
    words = _WORD.findall((search or "").lower())[:SEARCH_WORDS]
    return " & ".join(f"{word}:*" for word in words) or None


@dataclass(frozen=True)
class MaterialFilter:
    """`me.studyMaterials`' filter (each part optional, all combined); hashable, so it is
    part of the loaders' keys."""

    search: str | None = None
    tag: str | None = None
    subject_area: str | None = None
    status: str | None = None

    def conditions(self, param: Params) -> list[str]:
        """SQL conditions on the materials (`t`), parameters added to `param`."""
        found = ["t.deleted_at IS NULL"]
        query = search_query(self.search)
        if query is not None:
            found.append(f"{_SEARCHED} @@ to_tsquery('simple', {param(query)})")
        if self.tag is not None and self.tag.strip():
            found.append(f"t.tags @> ARRAY[{param(self.tag.strip().lower())}]::text[]")
        if self.subject_area is not None and self.subject_area.strip():
            found.append(f"lower(t.subject_area) = lower({param(self.subject_area.strip())})")
        if self.status is not None:
            found.append(f"t.status = {param(self.status)}")
        return found


class MaterialCountByUserLoader(RecordLoader):
    """Keys `(user_id, MaterialFilter)`: how many of the user's materials it lets through."""

    missing = 0

    async def fetch(self, keys: Sequence[tuple[Any, MaterialFilter]]) -> dict[Any, Any]:
        by_filter: dict[MaterialFilter, list[Any]] = {}
        for user_id, flt in keys:
            by_filter.setdefault(flt, []).append(user_id)
        found: dict[Any, Any] = {}
        for flt, user_ids in by_filter.items():
            params = Params()
            where = " AND ".join(flt.conditions(params))
            rows = await fetch_records(
                f'SELECT t.user_id AS k, count(*) AS n FROM "{MATERIALS}" t WHERE {where} '
                f"AND t.user_id = ANY({params(user_ids)}) GROUP BY t.user_id",
                params,
            )
            found.update({(row["k"], flt): int(row["n"]) for row in rows})
        return found


class MaterialsPageByUserLoader(RecordLoader):
    """Keys `(user_id, PageArgs, MaterialFilter)`: a page of the user's materials that the
    filter lets through, newest first."""

    async def fetch(self, keys: Sequence[tuple[Any, PageArgs, MaterialFilter]]) -> dict[Any, Any]:
        groups: dict[tuple[PageArgs, MaterialFilter], list[Any]] = {}
        for user_id, args, flt in keys:
            groups.setdefault((args, flt), []).append(user_id)
        counter = self.loaders.get(MaterialCountByUserLoader)
        result: dict[Any, Page[Any]] = {}
        for (args, flt), user_ids in groups.items():
            query = KeysetQuery(StudyMaterial, order=["t.created_at", "t.id"], descending=True)
            for condition in flt.conditions(query.params):
                query.filter(condition)
            pages = await fetch_child_pages(query, "t.user_id", user_ids, args)
            for user_id, page in pages.items():
                if page.total_count is None:  # a page after a cursor: counted when asked
                    page.total_count = lambda key=(user_id, flt): counter.load(key)
                result[(user_id, args, flt)] = page
        return result


# --- a material's chunks and assets ------------------------------------------------------


class ChunkCountByMaterialLoader(CountByKeyLoader):
    table = CHUNKS
    key_column = "t.material_id"


class ChunksPageByMaterialLoader(PageByParentLoader):
    """Keys `(material_id, PageArgs)`: a page of the material's chunks, in position order."""

    parent_column = "t.material_id"
    count_loader = ChunkCountByMaterialLoader

    @classmethod
    def query(cls) -> KeysetQuery:
        return KeysetQuery(ContentChunk, order=["t.position", "t.id"])


class AssetCountsByMaterialLoader(RecordLoader):
    """A material's ACTIVE assets counted by type (`{type value: n}`; one GROUP BY for many
    materials)."""

    missing: ClassVar[Any] = {}

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(
            f'SELECT t.material_id AS k, t.type, count(*) AS n FROM "{ASSETS}" t '
            f"WHERE t.material_id = ANY($1) AND {_ACTIVE} GROUP BY t.material_id, t.type",
            [list(keys)],
        )
        found: dict[Any, dict[str, int]] = {}
        for row in rows:
            found.setdefault(row["k"], {})[row["type"]] = int(row["n"])
        return found


class AssetsPageByMaterialLoader(RecordLoader):
    """Keys `(material_id, PageArgs, type value or None)`: a page of the material's ACTIVE
    assets (of that type, or all), in the material's order."""

    async def fetch(self, keys: Sequence[tuple[Any, PageArgs, str | None]]) -> dict[Any, Any]:
        groups: dict[tuple[PageArgs, str | None], list[Any]] = {}
        for material_id, args, kind in keys:
            groups.setdefault((args, kind), []).append(material_id)
        result: dict[Any, Page[Any]] = {}
        for (args, kind), material_ids in groups.items():
            query = KeysetQuery(GeneratedAsset, order=ASSET_ORDER, source=ASSETS_WITH_CHUNKS)
            query.filter(_ACTIVE)
            if kind is not None:
                query.filter(f"t.type = {query.param(kind)}")
            pages = await fetch_child_pages(query, "t.material_id", material_ids, args)
            for material_id, page in pages.items():
                if page.total_count is None:  # a page after a cursor: counted when asked
                    page.total_count = lambda key=material_id, kind=kind: self._count(key, kind)
                result[(material_id, args, kind)] = page
        return result

    async def _count(self, material_id: Any, kind: str | None) -> int:
        counts = await self.loaders.get(AssetCountsByMaterialLoader).load(material_id)
        return int(counts.get(kind, 0) if kind is not None else sum(counts.values()))
