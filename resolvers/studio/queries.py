"""The studio use cases' hand-written SQL, in one place; table names come from the models.

Storing a generation (resolvers/studio/material_store.py) writes whole lists at once: each
statement takes one array per column (`unnest`), so a material of 800 chunks costs the same
statements as one of 5.
"""

from __future__ import annotations

from models.studio import (
    AssetSource,
    AssetStatus,
    AssetType,
    ContentChunk,
    GeneratedAsset,
    MaterialStatus,
    ReviewCard,
    StudyMaterial,
    StudySession,
)

MATERIALS = StudyMaterial._meta.db_table
CHUNKS = ContentChunk._meta.db_table
ASSETS = GeneratedAsset._meta.db_table
CARDS = ReviewCard._meta.db_table
SESSIONS = StudySession._meta.db_table

PROCESSING = MaterialStatus.PROCESSING.value
READY = MaterialStatus.READY.value
FAILED = MaterialStatus.FAILED.value
ACTIVE = AssetStatus.ACTIVE.value
ARCHIVED = AssetStatus.ARCHIVED.value
# The asset types a learner reviews: each gets a review card.
CARD_TYPES = (AssetType.FLASHCARD.value, AssetType.CLOZE.value, AssetType.QUIZ_QUESTION.value)
_CARD_TYPES = ", ".join(f"'{kind}'" for kind in CARD_TYPES)

# $1 material: lock it while it is PROCESSING and not deleted (no row: nothing to do). Every
# write of a processing result holds this lock and checks the status under it, so a job run
# twice (a worker killed after committing) writes once.
LOCK_PROCESSING = (
    f'SELECT id, user_id FROM "{MATERIALS}" WHERE id = $1 '
    f"AND status = '{PROCESSING}' AND deleted_at IS NULL FOR UPDATE"
)

# $1 material, $2 now: PROCESSING again (regenerating), unless deleted; the row as changed.
RESTART = (
    f"UPDATE \"{MATERIALS}\" SET status = '{PROCESSING}', failure_reason = NULL, "
    f"updated_at = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING *"
)

# $1 material: its chunks go (a regeneration writes new ones; assets lose their chunk).
DELETE_CHUNKS = f'DELETE FROM "{CHUNKS}" WHERE material_id = $1'

# $1 material, $2 now, then one array per column, in position order.
INSERT_CHUNKS = f"""
INSERT INTO "{CHUNKS}" (id, created_at, material_id, position, kind, content, word_count,
  language, summary, relevance)
SELECT n.id, $2, $1, n.position, n.kind, n.content, n.word_count, n.language, n.summary,
  n.relevance
FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::int[], $8::text[],
  $9::text[], $10::float8[])
  AS n(id, position, kind, content, word_count, language, summary, relevance)
"""

# $1 owner, $2 material, $3 now, then one array per column, in the generator's order. A new
# asset is created ACTIVE, its `created_at` a microsecond after the one before it (the
# material's order within a chunk); one whose source key (type and content) the material
# already has, ACTIVE or ARCHIVED, is that asset again: it keeps its id, its cards and its
# ratings, and takes the new chunk, scores and generator.
UPSERT_ASSETS = f"""
INSERT INTO "{ASSETS}" (id, created_at, updated_at, user_id, material_id, chunk_id, type,
  content, source, source_key, generator, parameters, quality, difficulty, status)
SELECT gen_random_uuid(), $3::timestamptz + n.i * interval '1 microsecond', $3, $1, $2, n.chunk_id,
  n.type, n.content::jsonb, '{AssetSource.MATERIAL.value}', n.source_key, n.generator,
  n.parameters::jsonb, n.quality, n.difficulty, '{ACTIVE}'
FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
  $10::float8[], $11::int[])
  WITH ORDINALITY AS n(chunk_id, type, content, source_key, generator, parameters, quality,
  difficulty, i)
ON CONFLICT (user_id, source_key) DO UPDATE SET status = '{ACTIVE}',
  chunk_id = EXCLUDED.chunk_id, generator = EXCLUDED.generator,
  parameters = EXCLUDED.parameters, quality = EXCLUDED.quality,
  difficulty = EXCLUDED.difficulty, updated_at = EXCLUDED.updated_at
"""

# $1 material, $2 the source keys of its current assets, $3 now: the others are ARCHIVED.
ARCHIVE_OTHERS = f"""
UPDATE "{ASSETS}" SET status = '{ARCHIVED}', updated_at = $3
WHERE material_id = $1 AND status <> '{ARCHIVED}' AND NOT (source_key = ANY($2))
"""

# $1 material, $2 now: a review card, new and due now, for each ACTIVE asset of a reviewed
# type that has none (a kept asset keeps its card and history).
ADD_CARDS = f"""
INSERT INTO "{CARDS}" (id, created_at, updated_at, user_id, asset_id, state, phase, due_at,
  reps, lapses)
SELECT gen_random_uuid(), $2, $2, a.user_id, a.id, NULL, 'new', $2, 0, 0
FROM "{ASSETS}" a
WHERE a.material_id = $1 AND a.status = '{ACTIVE}' AND a.type IN ({_CARD_TYPES})
ON CONFLICT (user_id, asset_id) DO NOTHING
"""

# $1 material, $2 language, $3 word count, $4 computed difficulty, $5 now.
MARK_READY = f"""
UPDATE "{MATERIALS}" SET status = '{READY}', failure_reason = NULL, language = $2,
  word_count = $3, difficulty = coalesce(difficulty, $4), processed_at = $5, updated_at = $5
WHERE id = $1
"""

# $1 material, $2 reason, $3 now (under LOCK_PROCESSING).
MARK_FAILED = f"""
UPDATE "{MATERIALS}" SET status = '{FAILED}', failure_reason = $2, processed_at = $3,
  updated_at = $3
WHERE id = $1
"""
