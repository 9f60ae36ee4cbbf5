"""A faster field executor: plain fields and relations without the generic machinery.

graphql-core resolves every field the same way: build a `GraphQLResolveInfo`, call the
resolver (Strawberry wraps even attribute reads), then complete the value through the
non-null/list/leaf dispatch. A `MyLearning` answer has ~700 fields, most of them scalar
attributes of a row (`status`, `title`, ...) or relay `id`s, so that fixed cost dominates
the server's CPU (bench/README.md). For those fields, and for object fields whose value
is at hand (a plain attribute, a relation already loaded), this executor follows the plans
of schema/execution_plans.py: what the generic path would compute, without the machinery.
Anything else, and any value that does not come out cleanly (an exception, a null for a
non-null field), takes the generic path, so errors keep their paths and messages.

Relations (`engine.relations.related` fields) cost an awaitable per parent: 60 progress rows
asking for `lesson { unit }` meant 120 futures, 60 tasks and as many event-loop turns,
although the DataLoaders already batched the SQL. Before completing a list of objects, this
executor loads the selected relations for all items at once (following plain object fields
such as `edges.node`, and relations of relations), so the items then complete synchronously
from the loaders' caches. Loading is the same batched loader calls, so the SQL is unchanged;
anything the prefetch could not load is loaded by the field itself, as before.

Fallbacks: every field `execute_fields` hands to graphql-core's generic `execute_field` —
because it has no plan (a resolver, arguments, a permission, a list or abstract type, a meta
field, an extension wrapping resolvers) or because its plan declined the value (not loaded
yet, null in a non-null field, another type, an exception) — is counted per operation (one
integer increment). With the `lingograph.executor` logger at DEBUG, the first fallback of
each field per operation is logged with its path and reason. In debug mode, a request whose
`extensions` carry `"executor": true` gets `{"executor": {"fallbacks": N, "fields":
{"Type.field": n}}}` in the response's `extensions` (`ExecutorReport`; asked for, so that
other debug-mode answers keep their exact shape). `FAST_EXECUTOR=0` (core/settings.py)
switches all of this off for graphql-core's stock executor (schema/root.py).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from graphql import GraphQLObjectType, GraphQLResolveInfo
from graphql.execution.executor import Path, gather_with_cancel
from graphql.pyutils import Undefined
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from tortoise.models import Model

from engine.execution_plans import (
    GENERIC,
    FieldPlan,
    LeafPlan,
    ObjectPlan,
    build_plan,
    install_relation_resolvers,
    relation_of,
    unplanned_reason,
    unwrap,
)
from engine.relations import RelationKey
from loaders.base import RecordLoader

__all__ = ["ExecutorReport", "FastExecutionContext", "install_relation_resolvers"]

log = logging.getLogger("lingograph.executor")

# (response name, field details, plan) per field of a grouped field set.
CompiledFields = tuple[tuple[str, Any, FieldPlan], ...]


class _FieldError(Exception):
    """A non-null field's located error, on its way to the parent (not a reason to retry)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class _Step:
    """One field to follow while prefetching: a relation to load or a plain object field."""

    attribute: str | None  # a plain object field's attribute
    loader: type[RecordLoader] | None  # a relation's loader and key
    key_of: RelationKey | None
    target: GraphQLObjectType | None  # followed further when an object type
    details: Any
    children: list[_Step] = field(default_factory=list)


class ExecutorReport(SchemaExtension):
    """Debug mode only (schema/root.py): the operation's fallbacks in `extensions.executor`,
    for a request whose `extensions` ask for them with `"executor": true`."""

    def __init__(self) -> None:
        self.executor: FastExecutionContext | None = None  # set by the executor it reports on

    def on_execute(self) -> Iterator[None]:
        asked = self.execution_context.operation_extensions
        if not (isinstance(asked, dict) and asked.get("executor") is True):
            yield
            return
        _REPORT.set(self)  # the executor, built inside this hook, finds it there
        try:
            yield
        finally:
            _REPORT.set(None)

    def get_results(self) -> dict[str, Any]:
        executor = self.executor
        if executor is None:
            return {}
        fields = dict(sorted((executor.fallback_fields or {}).items()))
        return {"executor": {"fallbacks": executor.fallbacks, "fields": fields}}


_REPORT: ContextVar[ExecutorReport | None] = ContextVar("lingograph_executor_report", default=None)


class FastExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor with the fast paths above."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Fields handed to graphql-core's generic path in this operation; counted per
        # "Type.field" only when someone reads it: a debug report or the DEBUG log.
        self.fallbacks = 0
        self.fallback_fields: dict[str, int] | None = None
        report = _REPORT.get()
        if report is not None:
            report.executor = self
            self.fallback_fields = {}
        elif log.isEnabledFor(logging.DEBUG):
            self.fallback_fields = {}
        awaitable = self.is_awaitable

        # Tortoise rows define `__await__` (awaiting one returns the row itself), so
        # graphql-core took every row a resolver returned for an awaitable: a coroutine, a
        # task and an event-loop turn per row, for the same row.
        def is_awaitable(value: Any) -> TypeGuard[Awaitable[Any]]:
            return awaitable(value) and not isinstance(value, Model)  # cheap check first

        self.is_awaitable = is_awaitable

    def _compiled(self, parent_type: GraphQLObjectType, grouped: Any) -> CompiledFields:
        """The grouped field set with each field's plan; graphql-core memoizes the grouped
        set per selection, so this runs once per selection, not once per object."""
        cache = self.__dict__.setdefault("_compiled_fields", {})
        cache_key = (parent_type.name, id(grouped))
        entry = cache.get(cache_key)
        if entry is not None and entry[0] is grouped:
            return entry[1]
        plans: dict[tuple[str, str], FieldPlan] = self.schema.__dict__.setdefault(
            "_lingograph_plans", {}
        )
        manager = self.middleware_manager
        planned = manager is None or not manager.middlewares  # no extension wraps resolvers
        compiled = []
        for response_name, details in grouped.items():
            plan = None
            if planned:
                key = (parent_type.name, details[0].node.name.value)
                if key not in plans:
                    plans[key] = build_plan(self.schema, parent_type, key[1])
                plan = plans[key]
            compiled.append((response_name, details, plan))
        result = tuple(compiled)
        cache[cache_key] = (grouped, result)  # keep `grouped` alive: its id stays unique
        return result

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        """graphql-core's `execute_fields`, with planned fields answered in place."""
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        context = self.context_value
        noting = self.fallback_fields is not None
        try:
            for name, details, plan in self._compiled(parent_type, grouped_field_set):
                if plan is not None:
                    try:
                        if type(plan) is LeafPlan:
                            value = plan.read(source_value)
                            if value is not GENERIC:
                                results[name] = value  # a leaf value: never awaitable
                                continue
                        else:
                            field_path = Path(path, name, parent_type.name)
                            value = self._complete_object(
                                plan, source_value, context, details, field_path, position_context
                            )
                            if value is not GENERIC:
                                results[name] = value
                                if is_awaitable(value):
                                    awaitable_fields.append(name)
                                continue
                    except _FieldError:
                        raise
                    except Exception:
                        pass  # the generic path below answers (and reports) it
                self.fallbacks += 1  # the generic path below: a fallback
                if noting:
                    self._note_fallback(parent_type, details, path, name, plan)
                value = self.execute_field(
                    parent_type,
                    source_value,
                    details,
                    Path(path, name, parent_type.name),
                    position_context,
                )
                if value is Undefined:
                    continue
                results[name] = value
                if is_awaitable(value):
                    awaitable_fields.append(name)
        except _FieldError as error:
            self._settle(results, awaitable_fields)
            raise error.error from None
        except Exception:
            self._settle(results, awaitable_fields)
            raise
        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            if len(awaitable_fields) == 1:
                field_name = awaitable_fields[0]
                results[field_name] = await results[field_name]
            else:
                awaited = await gather_with_cancel(*(results[f] for f in awaitable_fields))
                results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()

    def _note_fallback(
        self,
        parent_type: GraphQLObjectType,
        details: Any,
        path: Path | None,
        name: str,
        plan: FieldPlan,
    ) -> None:
        field_name = details[0].node.name.value
        key = f"{parent_type.name}.{field_name}"
        seen = self.fallback_fields
        assert seen is not None
        count = seen.get(key, 0)
        seen[key] = count + 1
        if count or not log.isEnabledFor(logging.DEBUG):
            return  # a field is logged once per operation; the report counts them all
        if plan is not None:
            reason = "its plan declined the value"
        elif self.middleware_manager and self.middleware_manager.middlewares:
            reason = "an extension wraps resolvers"
        else:
            reason = unplanned_reason(self.schema, parent_type, field_name)
        where = ".".join(str(part) for part in Path(path, name, parent_type.name).as_list())
        log.debug("executor fallback: %s at %s (%s)", key, where, reason)

    def _settle(self, results: dict[str, Any], awaitable_fields: list[str]) -> None:
        if awaitable_fields:  # let the other fields' awaitables finish (and fail) quietly
            self.settle_in_background([results[f] for f in awaitable_fields])

    def _complete_object(
        self,
        plan: ObjectPlan,
        source: Any,
        context: Any,
        details: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        """An object field answered from its plan: the sub-selection runs directly.

        Errors below behave as in graphql-core's `execute_field`: recorded at this field
        (null here) when it is nullable, propagated to the parent when it is not.
        """
        value = plan.read(source, context)
        if value is GENERIC or value is None:
            return value
        try:
            completed = self.collect_and_execute_subfields(
                plan.object_type, details, path, value, position_context
            )
        except Exception as raw_error:
            try:
                self.handle_field_error(raw_error, plan.return_type, details, path)
            except Exception as located:
                raise _FieldError(located) from None
            return None
        if self.is_awaitable(completed):
            return self._guard(completed, plan.return_type, details, path)
        return completed

    async def _guard(self, completed: Any, return_type: Any, details: Any, path: Path) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, details, path)
            return None

    def complete_list_value(
        self,
        return_type: Any,
        field_details_list: Any,
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        complete = super().complete_list_value
        item_type = unwrap(return_type.of_type)
        if not (isinstance(item_type, GraphQLObjectType) and isinstance(result, list | tuple)):
            return complete(return_type, field_details_list, info, path, result, position_context)
        steps = self._prefetch_steps(item_type, field_details_list)
        if not steps or len(result) < 2:
            return complete(return_type, field_details_list, info, path, result, position_context)

        async def prefetch_then_complete() -> Any:
            # Only an optimisation: whatever failed here is loaded (and fails) per field.
            with contextlib.suppress(Exception):
                await self._prefetch(steps, list(result))
            completed = complete(
                return_type, field_details_list, info, path, result, position_context
            )
            return await completed if self.is_awaitable(completed) else completed

        return prefetch_then_complete()

    def _prefetch_steps(self, object_type: GraphQLObjectType, details: Any) -> list[_Step]:
        """The relations selected under `details` (through plain object fields), or []."""
        memo: dict[tuple[str, int], tuple[Any, list[_Step]]]
        memo = self.__dict__.setdefault("_steps", {})
        key = (object_type.name, id(details))
        entry = memo.get(key)
        if entry is not None and entry[0] is details:
            return entry[1]
        memo[key] = (details, [])  # a cycle through fragments cannot recurse forever
        steps = []
        grouped, _defers, _forbidden = self.collect_subfields(object_type, details)
        for field_details in grouped.values():
            field_def = object_type.fields.get(field_details[0].node.name.value)
            if field_def is None:
                continue
            target = unwrap(field_def.type)
            target = target if isinstance(target, GraphQLObjectType) else None
            relation = relation_of(field_def)
            definition = field_def.extensions.get("strawberry-definition")
            if relation is not None:
                step = _Step(None, relation[0], relation[1], target, field_details)
            elif target is not None and getattr(field_def.resolve, "_is_default", False):
                step = _Step(definition.python_name, None, None, target, field_details)
            else:
                continue
            if step.target is not None:
                step.children = self._prefetch_steps(step.target, step.details)
            if step.loader is not None or step.children:
                steps.append(step)
        memo[key] = (details, steps)  # keeping `details` alive keeps its id unique
        return steps

    async def _prefetch(self, steps: list[_Step], sources: list[Any]) -> None:
        """Load each step's relation for all sources at once, then follow the results."""
        context = self.context_value
        loaders = context.loaders
        pending: list[tuple[_Step, Any]] = []
        for step in steps:
            if step.key_of is not None:
                values = [step.key_of(source, context) for source in sources]
            else:
                attribute = step.attribute
                assert attribute is not None  # a step without a relation follows an attribute
                values = [getattr(source, attribute) for source in sources]
            values = [value for value in values if value is not None]
            if step.loader is not None:
                loader = loaders.get(step.loader)
                futures = tuple(map(loader.load, dict.fromkeys(values)))
                pending.append((step, futures))
            elif values:
                pending.append((step, values))
        for step, values in pending:
            if isinstance(values, tuple):
                # One at a time, not gather(): the first await waits for the batch, which
                # settles them all, so the rest return at once instead of each scheduling
                # a callback on the event loop.
                loaded = []
                for future in values:
                    try:
                        loaded.append(await future)
                    except Exception:  # the field itself reports it, at its own path
                        continue
                values = [value for value in loaded if value is not None]
            if step.children and values:
                await self._prefetch(step.children, values)
