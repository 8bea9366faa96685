"""What the room sees while it waits, computed once per change of a workshop, not once per phone.

A full room (200 phones, the workshop's own limit) polls the server every few seconds. Most polls
find nothing changed. `LiveViews` keeps, per workshop, the last public view (voting open?
revealed? how many answers, and the group result once revealed) and the facilitator's votes and
group result, keyed by the repository's change counter (`WorkshopRepository.changes`): a poll
that finds the counter unchanged costs a dictionary lookup; the first poll after a change reads
the store and aggregates once, under a lock, for everybody.

Correctness: the counter is bumped after each write has committed, and it is read before the
store is, so a cached view is never older than the counter it is filed under (at worst newer,
and then replaced at the next change). The server process owns the store file
(`ikt_model.store`), so no other process can change a workshop behind the counter.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, SecretStr

from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from . import access
from .aggregation import Aggregate, GroupResult, group_result
from .export import ExportKind, export_file
from .models import Vote
from .repository import WorkshopRepository, shared_repository
from .view import participant_result_markdown

T = TypeVar("T")
_CACHE_SIZE = 256  # entries (workshop x view); a store holds few live workshops at a time


class PublicView(BaseModel):
    """What any participant may see of a workshop right now (aggregates only, no single vote).

    `changes` is the repository's change counter the view was read at; `result` is the group
    result (arithmetic mean, as on the phones) only while the facilitator shows it, else None, and
    `result_markdown` the phones' text of it (view.participant_result_markdown), made once per change.
    """

    model_config = ConfigDict(frozen=True)
    changes: int
    voting_open: bool
    revealed: bool
    answers: int
    result: GroupResult | None
    result_markdown: str | None = None


class FacilitatorView(BaseModel):
    """The facilitator's live numbers at one change: every vote and the group result (None: no votes)."""

    model_config = ConfigDict(frozen=True)
    changes: int
    votes: tuple[Vote, ...]
    result: GroupResult | None


class LiveViews:
    """Per-change cache of public and facilitator views over one repository (thread-safe)."""

    def __init__(self, repo: WorkshopRepository, kb: KnowledgeBase | None = None):
        self.repo = repo
        self.kb = kb or default_knowledge_base()
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple, tuple[int, object]] = OrderedDict()
        self._key_locks: dict[tuple, threading.Lock] = {}
        self.computations = 0  # how many times a view was actually built (for tests and benchmarks)

    def _cached(self, key: tuple, changes: int, build: Callable[[], T]) -> T:
        """The value filed under `key` at `changes`, built once (one lock per key: phones waiting for the
        public view do not wait for the facilitator's view or the revision counts being rebuilt)."""
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == changes:
                self._cache.move_to_end(key)
                return hit[1]  # type: ignore[return-value]
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:  # built by another thread while this one waited?
                hit = self._cache.get(key)
                if hit is not None and hit[0] == changes:
                    return hit[1]  # type: ignore[return-value]
            value = build()
            with self._lock:
                self.computations += 1
                newer = self._cache.get(key)
                if newer is not None and newer[0] > changes:  # a later change was filed meanwhile: keep it
                    return value
                self._cache[key] = (changes, value)
                self._cache.move_to_end(key)
                while len(self._cache) > _CACHE_SIZE:
                    old, _ = self._cache.popitem(last=False)
                    self._key_locks.pop(old, None)
            return value

    def public(self, workshop_id: str) -> PublicView | None:
        """The participants' view of this workshop, or None if it does not exist (any more)."""
        changes = self.repo.changes(workshop_id)

        def build() -> PublicView | None:
            workshop = self.repo.workshop_by_id(workshop_id)
            if workshop is None:
                return None
            votes = self.repo.revealed_votes(workshop_id)
            result = group_result(workshop.profile, votes, "mean", self.kb) if votes else None
            return PublicView(changes=changes, voting_open=workshop.voting_open, revealed=workshop.revealed,
                              answers=self.repo.answer_count(workshop_id), result=result,
                              result_markdown=participant_result_markdown(result) if result else None)

        return self._cached(("public", workshop_id), changes, build)

    def stored_revisions(self, workshop_id: str, token: object) -> int:
        """How many times this participant token's vote is stored (0: none yet), read from one table of
        the whole room's revision counts made once per change (a phone's poll is then a lookup)."""
        if not access.valid_token(token):
            return 0
        changes = self.repo.changes(workshop_id)
        counts = self._cached(("revisions", workshop_id), changes,
                              lambda: self.repo.revisions_by_participant(workshop_id))
        return counts.get(access.digest(token), 0)

    def facilitator(self, workshop_id: str, key: str | SecretStr | None,
                    aggregate: Aggregate = "mean") -> FacilitatorView:
        """Votes and group result for the facilitator. The key is checked on every call
        (AccessDenied if wrong); only the reading and aggregation are shared per change."""
        workshop = self.repo.workshop(workshop_id, key)
        changes = self.repo.changes(workshop_id)

        def build() -> FacilitatorView:
            votes = tuple(self.repo.votes(workshop_id, key))
            return FacilitatorView(changes=changes, votes=votes,
                                   result=group_result(workshop.profile, votes, aggregate, self.kb))

        return self._cached(("facilitator", workshop_id, aggregate), changes, build)

    def export(self, workshop_id: str, key: str | SecretStr | None, aggregate: Aggregate,
               kind: ExportKind) -> bytes:
        """The workshop exported as it stands now (the votes and group result of `facilitator` at the
        current change, key checked). A download button calls this when it is pressed: a file made
        when the page was drawn misses every vote the live view has shown since."""
        workshop = self.repo.workshop(workshop_id, key)
        snapshot = self.facilitator(workshop_id, key, aggregate)
        return export_file(kind, workshop, snapshot.votes, snapshot.result, self.kb)


def shared_live_views() -> LiveViews:
    """The process-wide LiveViews over the shared workshop repository (one cache for the room)."""
    return _shared_live_views(shared_repository())


@lru_cache(maxsize=4)
def _shared_live_views(repo: WorkshopRepository) -> LiveViews:
    return LiveViews(repo)
