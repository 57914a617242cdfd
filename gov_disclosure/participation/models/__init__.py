from .comments import Comment, CommentDecision
from .meetings import (
    Adoption,
    MeetingIndexPage,
    MeetingPage,
    MeetingTopic,
    Representative,
    RepresentativeCategory,
)
from .solicitations import (
    SolicitationAttachment,
    SolicitationIndexPage,
    SolicitationPage,
    SolicitationState,
)

__all__ = [
    "Adoption",
    "Comment",
    "CommentDecision",
    "MeetingIndexPage",
    "MeetingPage",
    "MeetingTopic",
    "Representative",
    "RepresentativeCategory",
    "SolicitationAttachment",
    "SolicitationIndexPage",
    "SolicitationPage",
    "SolicitationState",
]
