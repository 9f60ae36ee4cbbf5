"""Processing a study material: a durable job (core/jobs.py) queued in the transaction that
created the material (or asked to regenerate it), so it runs once that commits, survives the
server being restarted or killed, and is recovered when its worker dies mid-way.

- The job reads the material, runs the generator (`services.generator`, chosen by the
  worker's settings; CPU-bound, it runs in a thread off the event loop) and writes the
  result in one transaction (material_store.py). A material that is no longer PROCESSING
  (processed already, deleted) is left alone, so a job run twice takes effect once.
- Unusable text (`MaterialTextError`: no words once markup is removed, too long) fails the
  material at once, with the generator's reason. Any other failure (the engine, the
  database, a bug) is retried with backoff; when the last attempt fails the material is
  FAILED with `RETRY_LATER`, and the learner may regenerate it. A FAILED regeneration leaves
  the chunks and assets of the earlier one as they were.
"""

from __future__ import annotations

import logging
from typing import Any

from procrastinate import JobContext

from core import jobs
from models.studio import MaterialStatus, StudyMaterial
from resolvers.studio.material_store import store_failure, store_generation
from services.generator import build_generator
from services.generator.base import Generator, GeneratorError, MaterialTextError, Source

log = logging.getLogger("lingograph.studio")

PROCESS_ATTEMPTS = 4  # retried after 2, 4 and 8 s
RETRY_LATER = "The material could not be processed just now; regenerate it to try again."
_generators: dict[str, Generator] = {}


def generator_for(settings: Any) -> Generator:
    """The process's generator for the settings' engine (built once per engine)."""
    kind = (getattr(settings, "generator_engine", "") or "local").lower()
    if kind not in _generators:
        _generators[kind] = build_generator(settings)
    return _generators[kind]


async def process_material(
    generator: Generator, material_id: Any, *, final: bool = True
) -> MaterialStatus | None:
    """Generate and store the material's chunks and assets: READY, FAILED, or None when
    there was nothing to do. A failure other than unusable text raises unless `final`."""
    material = await StudyMaterial.get_or_none(
        id=material_id, status=MaterialStatus.PROCESSING, deleted_at=None
    )
    if material is None:
        return None
    source = Source(text=material.text, language=material.language, title=material.title)
    try:
        generation = await generator.generate(source)
        return await store_generation(material.id, generation)
    except MaterialTextError as error:
        return await store_failure(material.id, str(error))
    except Exception as error:
        if isinstance(error, GeneratorError):
            log.warning("processing study material %s failed: %s", material.id, error)
        else:
            log.exception("processing study material %s failed", material.id)
        if not final:
            raise
        return await store_failure(material.id, RETRY_LATER)


@jobs.task("studio.process_material", attempts=PROCESS_ATTEMPTS)
async def process_material_job(context: JobContext, material_id: str) -> None:
    await process_material(
        generator_for(jobs.settings_of(context)),
        material_id,
        final=jobs.is_last_attempt(context, PROCESS_ATTEMPTS),
    )


async def queue_processing(material_id: Any) -> None:
    """Enqueue the material's processing in the caller's transaction (it runs after commit);
    a job for it still waiting makes this one redundant."""
    await jobs.defer(
        process_material_job,
        queueing_lock=f"study-material:{material_id}",
        material_id=str(material_id),
    )
