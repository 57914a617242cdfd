from .comments import Comment, CommentChannel, CommentDecision
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
    "CommentChannel",
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
