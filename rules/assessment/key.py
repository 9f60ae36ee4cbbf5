"""The answer-key rule: who may see a question's correct answer.

A question's `correctAnswer` (on the question and on each attempt answer) is shown to:

- the course's editors (its author, admins), always: they wrote it and grade against it;
- a learner once the key is no use to them any more: after they passed the quiz, or once
  they have no attempts left. Before that, showing it after attempt 1 would hand it over
  for attempt 2, so each submitted attempt says only which answers were right.

`attempts_left` is scoring's (`attempts_left(max_attempts, attempts_used(...))`), which does
not count an attempt still in progress: a learner taking their last attempt has 1 left and
does not see the key until it is submitted or expires.
"""

from __future__ import annotations


def key_visible(*, is_editor: bool, passed_any: bool, attempts_left: int) -> bool:
    return is_editor or passed_any or attempts_left <= 0
