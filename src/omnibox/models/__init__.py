"""Every ORM model, imported here so metadata (and Alembic) sees them all."""

from omnibox.models.auth import AuthSession, LoginThrottle, User
from omnibox.models.base import Base
from omnibox.models.channels import Channel, ChannelKind, ChannelStatus
from omnibox.models.contacts import Contact, ContactHandle
from omnibox.models.conversations import Conversation, ConversationStatus, ReadState
from omnibox.models.counters import CaughtUpCount, ConversationCount, CountedConversation
from omnibox.models.inboxes import CustomFieldDefinition, CustomInbox
from omnibox.models.media import Attachment, AttachmentStatus
from omnibox.models.messages import (
    AuthorType,
    DeliveryStatus,
    Direction,
    Mention,
    Message,
    MessageKind,
)
from omnibox.models.notifications import Notification, NotificationKind
from omnibox.models.snippets import Snippet
from omnibox.models.speech import Transcript, TranscriptStatus
from omnibox.models.teams import Team, TeamMember
from omnibox.models.workspaces import Membership, Role, Workspace

__all__ = [
    "Attachment",
    "AttachmentStatus",
    "AuthSession",
    "AuthorType",
    "Base",
    "CaughtUpCount",
    "Channel",
    "ChannelKind",
    "ChannelStatus",
    "Contact",
    "ContactHandle",
    "Conversation",
    "ConversationCount",
    "ConversationStatus",
    "CountedConversation",
    "CustomFieldDefinition",
    "CustomInbox",
    "DeliveryStatus",
    "Direction",
    "LoginThrottle",
    "Membership",
    "Mention",
    "Message",
    "MessageKind",
    "Notification",
    "NotificationKind",
    "ReadState",
    "Role",
    "Snippet",
    "Team",
    "TeamMember",
    "Transcript",
    "TranscriptStatus",
    "User",
    "Workspace",
]
