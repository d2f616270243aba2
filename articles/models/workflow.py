"""The editorial workflow: states, who may move an article between them, and how.

Article inherits ArticleWorkflow, so the transitions are methods on the
article (see STYLE.md, "Workflow lives on the model"). Each checks who, then
the state, on a locked row, and writes a Transition row in the same
transaction. "Scheduled" is not a stored status: it is published with a
publish time still to come, so no job has to flip it.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("작성 중")
    IN_REVIEW = "in_review", _("검토 대기")
    CHANGES_REQUESTED = "changes_requested", _("수정 요청")
    PUBLISHED = "published", _("출고")
    UNPUBLISHED = "unpublished", _("출고 취소")


# Changing these after publication prints "수정 …" on the article page.
# The one list of an article's own content; revisions, the admin and the search index build on it.
CONTENT_FIELDS = ("headline", "deck", "body", "lead_photo")

# How far ahead an article may be scheduled; further is a typing slip, not a plan.
MAX_SCHEDULE_AHEAD = datetime.timedelta(days=366)

# A published article whose time has not come; not a stored status, so no job has to flip it.
SCHEDULED = "scheduled"

# Short names for the stored states, used in the transition table below.
DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, UNPUBLISHED = (
    ArticleStatus.DRAFT,
    ArticleStatus.IN_REVIEW,
    ArticleStatus.CHANGES_REQUESTED,
    ArticleStatus.PUBLISHED,
    ArticleStatus.UNPUBLISHED,
)

# The review queue's order: whoever has waited longest first.
REVIEW_QUEUE_ORDER = ["submitted_at", "id"]

# Set only by transitions, never by an edit.
WORKFLOW_FIELDS = {"status", "published_at", "submitted_at", "created_by", "created_at"}

# Reporters may change their own article only in these states.
AUTHOR_EDITABLE = {DRAFT, CHANGES_REQUESTED}

# name: (states it may start from, permission predicate on Article). Order is the buttons' order.
TRANSITIONS = {
    "submit": ({DRAFT, CHANGES_REQUESTED}, "can_edit"),
    "request_changes": ({IN_REVIEW}, "can_review"),
    "publish": ({DRAFT, IN_REVIEW, CHANGES_REQUESTED, SCHEDULED, UNPUBLISHED}, "can_publish"),
    "cancel_schedule": ({SCHEDULED}, "can_publish"),
    "unpublish": ({PUBLISHED}, "can_publish"),
}

# Verbs on buttons; the same Korean words are also state names, hence the context.
TRANSITION_LABELS = {
    "submit": pgettext_lazy("workflow action", "검토 요청"),
    "request_changes": pgettext_lazy("workflow action", "수정 요청"),
    "publish": pgettext_lazy("workflow action", "출고"),
    "cancel_schedule": pgettext_lazy("workflow action", "예약 취소"),
    "unpublish": pgettext_lazy("workflow action", "출고 취소"),
}


STATE_CHOICES = [*ArticleStatus.choices, (SCHEDULED, _("예약 출고"))]
STATE_LABELS = dict(STATE_CHOICES)


class EditConflict(ValidationError):
    """Someone saved the article after this editor opened it."""

    def __init__(self, article):
        last = article.last_save()
        who = (last.author_name if last else "") or gettext("다른 사람")
        when = timezone.localtime(last.created_at).strftime("%Y/%m/%d [%H:%M:%S]") if last else "?"
        super().__init__(
            gettext(
                "%(who)s님이 %(when)s (KST)에 이 기사를 먼저 저장했습니다. 입력하신 내용은 아래에 그대로 있습니다. "
                "저장된 판과 비교한 뒤 다시 저장하면 내 내용으로 바뀝니다."
            )
            % {"who": who, "when": when},
            code="edit_conflict",
        )


class ArticleWorkflow:
    """Workflow methods of Article: predicates, transitions, guarded edits and revisions."""

    @property
    def state(self):
        """The status as people speak of it: a published article with a future time is 'scheduled'."""
        if self.status == ArticleStatus.PUBLISHED and not self.is_published:
            return SCHEDULED
        return self.status

    @property
    def is_scheduled(self):
        """Published with a time still to come."""
        return self.state == SCHEDULED

    def get_state_display(self):
        """The state's label, e.g. '예약 출고'."""
        return STATE_LABELS[self.state]

    def is_owned_by(self, user):
        """True when the user created the article or writes under a byline on it."""
        if not user.is_authenticated:
            return False
        if self.created_by_id == user.pk:
            return True
        return self.pk is not None and self.bylines.filter(reporter__user=user).exists()

    def can_publish(self, user):
        """Editors publish, schedule, reschedule and withdraw."""
        return user.has_perm("articles.publish_article")

    def can_delete(self, user):
        """Editors may delete only what never reached readers; published stories keep their record."""
        return user.has_perm("articles.delete_article") and self.published_at is None

    def can_review(self, user):
        """Editors review: send back with a note, or share a preview link."""
        return user.has_perm("articles.review_article")

    def can_edit(self, user):
        """Editors change any article; reporters only their own, while in draft or sent back."""
        if not user.has_perm("articles.change_article"):
            return False
        if self.can_publish(user):
            return True
        return self.status in AUTHOR_EDITABLE and self.is_owned_by(user)

    def can_transition(self, name, user):
        """True when the user may make this transition from the article's current state."""
        from_states, predicate = TRANSITIONS[name]
        return self.state in from_states and getattr(self, predicate)(user)

    def available_transitions(self, user):
        """The transitions this user may make now, in the order the buttons show them."""
        return [name for name in TRANSITIONS if self.can_transition(name, user)]

    def submit(self, by):
        """Send the article to the editors' review queue."""
        self._transition("submit", by, ArticleStatus.IN_REVIEW, submitted_at=timezone.now())

    def request_changes(self, by, note):
        """Send the article back to its reporter with a note saying what to fix."""
        note = (note or "").strip()
        problem = None if note else gettext("수정 요청에는 기자에게 전할 메모가 꼭 있어야 합니다.")
        self._transition("request_changes", by, ArticleStatus.CHANGES_REQUESTED, note=note, problem=problem)

    def publish(self, by, at=None):
        """Publish now, or schedule for `at`; readers see it from that moment, no cron needed."""
        now = timezone.now()
        problem = None
        if at is not None and at <= now:
            problem = gettext("예약 시각은 지금보다 뒤여야 합니다. 지금 내보내려면 '지금 출고'를 누르세요.")
        elif at is not None and at > now + MAX_SCHEDULE_AHEAD:
            problem = gettext("예약은 %(days)s일 안쪽으로만 할 수 있습니다.") % {"days": MAX_SCHEDULE_AHEAD.days}
        if at is None and self.status == ArticleStatus.UNPUBLISHED and self.published_at:
            # Put back after a withdrawal: the story keeps its first 입력 time and its place in lists.
            at = self.published_at
        self._transition("publish", by, ArticleStatus.PUBLISHED, published_at=at or now, problem=problem)

    def cancel_schedule(self, by):
        """Take a scheduled article off the schedule and back to the review queue."""
        self._transition("cancel_schedule", by, ArticleStatus.IN_REVIEW, published_at=None)

    def unpublish(self, by):
        """Withdraw a published article from every reader page, feed and sitemap."""
        self._transition("unpublish", by, ArticleStatus.UNPUBLISHED)

    def _transition(self, name, by, to_status, note="", problem=None, **changes):
        """Check on the locked row, then change it and write the audit row, all or nothing."""
        with transaction.atomic():
            # Lock the row so two editors clicking at once cannot both move it.
            current = type(self).objects.select_for_update().get(pk=self.pk)
            current.check_transition(name, by, problem)
            from_state = current.state
            changes["status"] = to_status
            type(self).objects.filter(pk=self.pk).update(**changes)
            for field, value in changes.items():
                setattr(self, field, value)
            # The revision current now is what "compare with the published version" compares with.
            self.transitions.create(
                actor=by,
                from_state=from_state,
                to_state=self.state,
                note=note,
                published_at=self.published_at,
                revision=self.revisions.first(),
            )

    def check_transition(self, name, by, problem=None):
        """Raise PermissionDenied (who) or ValidationError (from which state, or the request's problem)."""
        from_states, predicate = TRANSITIONS[name]
        action = TRANSITION_LABELS[name]
        if not getattr(self, predicate)(by):
            raise PermissionDenied(gettext("%(action)s 권한이 없습니다.") % {"action": action})
        if self.state not in from_states:
            raise ValidationError(
                gettext("지금 상태(%(state)s)에서는 %(action)s할 수 없습니다.")
                % {"state": self.get_state_display(), "action": action}
            )
        if problem:
            raise ValidationError(problem)

    def save_versioned(self, by, expected_version=None, changed_fields=()):
        """Save the row unless someone else saved since `expected_version`; articles.editing.save_edit wraps it."""
        allowed = by.has_perm("articles.add_article") if self.pk is None else self.can_edit(by)
        if not allowed:
            raise PermissionDenied(gettext("이 기사를 고칠 권한이 없습니다."))
        with transaction.atomic():
            if self.pk is None:
                self.created_by = by
            else:
                # Compare-and-swap: only one of two concurrent saves finds the version it started from.
                claimed = (
                    type(self).objects.filter(pk=self.pk, version=expected_version).update(version=F("version") + 1)
                )
                if not claimed:
                    raise EditConflict(self)
                self.version = expected_version + 1
                if self.is_published and set(CONTENT_FIELDS) & set(changed_fields):
                    self.revised_at = timezone.now()
            # Only transitions move the workflow fields: a copy loaded before one must not undo it.
            self.save(update_fields=None if self._state.adding else self.edit_fields())

    def last_save(self):
        """The latest revision: who saved last and when."""
        return self.revisions.select_related("created_by").first()

    @classmethod
    def edit_fields(cls):
        """The fields an edit saves: everything but the workflow's own."""
        return [f.name for f in cls._meta.concrete_fields if not f.primary_key and f.name not in WORKFLOW_FIELDS]

    def live_revision(self):
        """The revision readers see now: the newest, while the article is live (every edit goes live at once)."""
        return self.revisions.select_related("created_by").first() if self.is_published else None

    def published_revision(self):
        """The revision readers were shown at the last publication, if any."""
        now = timezone.now()
        later = None  # transitions come newest first
        for move in self.transitions.select_related("revision"):
            went_out = move.to_state in (PUBLISHED, SCHEDULED) and move.published_at and move.published_at <= now
            # A schedule cancelled or changed before its time never reached readers.
            superseded = later is not None and later.at < move.published_at if went_out else True
            if went_out and not superseded and move.revision_id:
                return move.revision
            later = move
        return None
