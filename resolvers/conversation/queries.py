"""The conversation use cases' hand-written SQL, in one place; table names come from the models.

Reads the loaders also need (e.g. a session's metrics) live in loaders/conversation.py; what
is here is written or read by the use cases alone.
"""

from __future__ import annotations

from loaders.conversation import CORRECTIONS, MESSAGES, VOCABULARY_USES
from models.conversation import ConversationSession

SESSIONS = ConversationSession._meta.db_table

# $1 session: the next message's sequence, from the session's counter. The learner's own
# messages take it only while the session is open (checked in the same statement: no race).
_NEXT_SEQUENCE = (
    f'UPDATE "{SESSIONS}" SET message_count = message_count + 1, updated_at = now() '
    "WHERE id = $1{condition} RETURNING message_count"
)
NEXT_SEQUENCE = _NEXT_SEQUENCE.format(condition="")
NEXT_SEQUENCE_IF_OPEN = _NEXT_SEQUENCE.format(condition=" AND status IN ('active', 'paused')")

# $1 session, $2 words, $3 their counts: add a message's words to the session's vocabulary.
ADD_VOCABULARY = (
    f'INSERT INTO "{VOCABULARY_USES}" (id, created_at, updated_at, session_id, word, count) '
    "SELECT gen_random_uuid(), now(), now(), $1, w, c "
    "FROM unnest($2::text[], $3::int[]) AS x(w, c) "
    "ON CONFLICT (session_id, word) DO UPDATE "
    f'SET count = "{VOCABULARY_USES}".count + EXCLUDED.count, updated_at = now()'
)

# $1 session: what its evaluation is computed from.
SESSION_STATS = f"""
SELECT
  (SELECT count(*) FROM "{MESSAGES}" WHERE session_id = $1 AND sender = 'user') AS n,
  (SELECT coalesce(sum(count), 0) FROM "{VOCABULARY_USES}" WHERE session_id = $1) AS words,
  (SELECT count(*) FROM "{VOCABULARY_USES}" WHERE session_id = $1) AS distinct_words,
  (SELECT coalesce(json_agg(json_build_array(c.type, c.severity)), '[]'::json)
     FROM "{CORRECTIONS}" c JOIN "{MESSAGES}" m ON m.id = c.message_id
    WHERE m.session_id = $1) AS corrections,
  (SELECT coalesce(string_agg(content, ' '), '') FROM "{MESSAGES}"
    WHERE session_id = $1 AND sender = 'user') AS learner_text
"""

# $1 how far back (interval), $2 the reply task's name: learner messages of open sessions
# with neither a reply (nor a "reply failed" notice) nor a reply job waiting or running. A
# later teacher or system message answers a message when it names it (`inReplyTo`), or names
# none (written before replies did).
UNANSWERED_MESSAGES = (
    f'SELECT m.id, m.session_id FROM "{MESSAGES}" m JOIN "{SESSIONS}" s ON s.id = m.session_id '
    "WHERE m.sender = 'user' AND m.created_at > now() - $1::interval "
    "AND s.status IN ('active', 'paused') "
    f'AND NOT EXISTS (SELECT 1 FROM "{MESSAGES}" r WHERE r.session_id = m.session_id '
    "AND r.sequence > m.sequence AND r.sender <> 'user' "
    "AND coalesce(r.metadata->>'inReplyTo', m.id::text) = m.id::text) "
    "AND NOT EXISTS (SELECT 1 FROM procrastinate_jobs j WHERE j.task_name = $2 "
    "AND j.status IN ('todo', 'doing') AND j.args->>'message_id' = m.id::text) "
    "ORDER BY m.created_at"
)
