"""The data model (docs/domain.md): every table the tracker keeps."""

from tracker.models.actions import Action, AssuranceDecision, Evidence, ProgressUpdate, TargetDateChange
from tracker.models.jobs import Job, JobState
from tracker.models.learning import (
    Dissemination,
    LearningFingerprint,
    LearningLink,
    LearningTerm,
    NationalRecommendation,
    StrategicPlan,
    StrategicPriority,
)
from tracker.models.meetings import Meeting, meeting_attendees
from tracker.models.people import Agency, Partnership, User, user_partnerships
from tracker.models.records import AuditEvent, GeneratedReport, ImportRun
from tracker.models.reminders import (
    Digest,
    DigestAction,
    Escalation,
    ReminderPreference,
    ReminderSettings,
    digest_meetings,
)
from tracker.models.reviews import (
    Recommendation,
    Review,
    Theme,
    recommendation_agencies,
    recommendation_themes,
    review_partnerships,
)
from tracker.models.security import RecoveryCode, SignInFailure

__all__ = [
    "Action",
    "Agency",
    "AssuranceDecision",
    "AuditEvent",
    "Digest",
    "DigestAction",
    "Dissemination",
    "Escalation",
    "Evidence",
    "GeneratedReport",
    "ImportRun",
    "Job",
    "JobState",
    "LearningFingerprint",
    "LearningLink",
    "LearningTerm",
    "Meeting",
    "NationalRecommendation",
    "Partnership",
    "ProgressUpdate",
    "Recommendation",
    "RecoveryCode",
    "ReminderPreference",
    "ReminderSettings",
    "Review",
    "SignInFailure",
    "StrategicPlan",
    "StrategicPriority",
    "TargetDateChange",
    "Theme",
    "User",
    "digest_meetings",
    "meeting_attendees",
    "recommendation_agencies",
    "recommendation_themes",
    "review_partnerships",
    "user_partnerships",
]
