"""Studio factories, written directly: a learner's study material (in any status), its
chunks, assets (of a material or a mistake's) and review cards; a material processed for
real (the local generator, through the job's own code); and the studio operations
(../shared/operations/studio.graphql, or a named subset of them)."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graphql import print_ast

from models.identity import User
from models.studio import (
    AssetSource,
    AssetStatus,
    AssetType,
    ChunkKind,
    ContentChunk,
    GeneratedAsset,
    MaterialStatus,
    ReviewCard,
    StudyMaterial,
)
from resolvers.studio.jobs import process_material
from services.generator.local import LocalGenerator
from tests.factories.classroom import in_scope_document
from tests.graphql_client import GraphQLClient

ROOT = Path(__file__).resolve().parents[2]
STUDIO_FILE = ROOT.parent / "shared" / "operations" / "studio.graphql"
# The materials part of studio.graphql.
MATERIAL_OPERATIONS = (
    "CreateStudyMaterial",
    "UpdateStudyMaterial",
    "DeleteStudyMaterial",
    "RegenerateAssets",
    "MyStudyMaterials",
    "StudyMaterial",
    "StudyMaterialEvents",
)

WATER = """\
# The Water Cycle

Water moves constantly between the oceans, the atmosphere and the land. This continuous \
movement is called the water cycle, and it is powered mainly by energy from the sun. Without \
it, fresh water would not reach the rivers, lakes and forests that depend on rain.

The cycle begins with evaporation. When sunlight warms the surface of the ocean, liquid water \
turns into water vapour and rises into the air. Plants add more vapour through transpiration, \
releasing moisture from tiny pores in their leaves. As the warm, moist air rises, it cools, \
and the vapour condenses into droplets that form clouds.

## Precipitation and runoff

When the droplets in a cloud grow heavy enough, they fall back to the ground as \
precipitation. Depending on the temperature, precipitation may arrive as rain, snow, sleet or \
hail. Some of this water soaks into the soil and becomes groundwater, which can remain \
underground for thousands of years. The rest flows over the surface as runoff, filling \
streams and rivers that eventually carry it back to the sea.
"""

COFFEE = """\
# El café

El café es una de las bebidas más populares del mundo. Se prepara con las semillas tostadas \
del cafeto, un arbusto originario de Etiopía. Según una antigua leyenda, un pastor descubrió \
sus efectos cuando vio que sus cabras estaban inquietas después de comer los frutos rojos de \
la planta.

Desde África, el cultivo del café se extendió a la península arábiga y, más tarde, a Europa y \
América. En el siglo XVIII, los colonos llevaron las plantas a las islas del Caribe y a \
Brasil, que hoy es el mayor productor del mundo.
"""

_numbers = itertools.count(1)


def studio_operations(names: tuple[str, ...] = MATERIAL_OPERATIONS) -> str | None:
    """The named operations of studio.graphql (with their fragments) as text, or None when
    the file is absent."""
    if not STUDIO_FILE.is_file():
        return None
    return print_ast(in_scope_document(STUDIO_FILE.read_text(), names))


async def material(
    user: User,
    *,
    status: MaterialStatus = MaterialStatus.READY,
    text: str = WATER,
    **fields: Any,
) -> StudyMaterial:
    """A material of the user's (READY unless told, no chunks or assets yet)."""
    return await StudyMaterial.create(
        user_id=user.id,
        title=fields.pop("title", f"Material {next(_numbers)}"),
        text=text,
        status=status,
        language=fields.pop("language", "en"),
        word_count=fields.pop("word_count", len(text.split())),
        **fields,
    )


async def chunk(
    row: StudyMaterial, position: int, content: str = "Water moves.", **fields: Any
) -> ContentChunk:
    return await ContentChunk.create(
        material_id=row.id,
        position=position,
        kind=fields.pop("kind", ChunkKind.PARAGRAPH),
        content=content,
        word_count=fields.pop("word_count", len(content.split())),
        language=fields.pop("language", "en"),
        **fields,
    )


def flashcard(term: str = "evaporation") -> dict[str, Any]:
    return {"front": term, "back": f"The cycle begins with {term}.", "lemma": term}


async def asset(
    user: User,
    row: StudyMaterial | None = None,
    kind: AssetType = AssetType.FLASHCARD,
    content: dict[str, Any] | None = None,
    *,
    chunk_row: ContentChunk | None = None,
    source: AssetSource | None = None,
    status: AssetStatus = AssetStatus.ACTIVE,
    **fields: Any,
) -> GeneratedAsset:
    """An asset of the user's: of `row` (a material) or, without one, of a mistake."""
    number = next(_numbers)
    return await GeneratedAsset.create(
        user_id=user.id,
        material_id=row.id if row else None,
        chunk_id=chunk_row.id if chunk_row else None,
        type=kind,
        content=content if content is not None else flashcard(f"term{number}"),
        source=source or (AssetSource.MATERIAL if row else AssetSource.EXERCISE),
        source_key=fields.pop("source_key", f"test:{number}"),
        status=status,
        quality=fields.pop("quality", 0.8),
        difficulty=fields.pop("difficulty", 4),
        **fields,
    )


async def card(user: User, row: GeneratedAsset, due_at: datetime | None = None) -> ReviewCard:
    """A new review card of the asset, due at `due_at` (now)."""
    return await ReviewCard.create(
        user_id=user.id, asset_id=row.id, due_at=due_at or datetime.now(UTC)
    )


async def processed_material(
    user: User, text: str = WATER, **fields: Any
) -> tuple[StudyMaterial, MaterialStatus | None]:
    """A material of the user's processed by the local generator, as its job does it (READY
    with chunks, assets and review cards), and the status the processing gave."""
    row = await material(user, status=MaterialStatus.PROCESSING, text=text, **fields)
    status = await process_material(LocalGenerator(), row.id)
    return await StudyMaterial.get(id=row.id), status


MATERIAL_OPS = studio_operations()


async def call(gql: GraphQLClient, op: str, token: str | None, /, **variables: Any) -> Any:
    """The value of the only root field of one of the materials' operations (`me`, `node`,
    a payload)."""
    assert MATERIAL_OPS is not None, "studio.graphql is absent"
    data = await gql(MATERIAL_OPS, variables, token=token, operation_name=op)
    return next(iter(data.values()))


async def until_processed(material_id: Any, within: float = 30.0) -> StudyMaterial:
    """The material once its processing is done (READY or FAILED), as stored."""
    async with asyncio.timeout(within):
        while True:
            row = await StudyMaterial.get(id=material_id)
            if row.status is not MaterialStatus.PROCESSING:
                return row
            await asyncio.sleep(0.05)
