"""Every ORM model, imported here so metadata (and Alembic) sees them all."""

from omnibox.models.auth import AuthSession, LoginThrottle, User
from omnibox.models.base import Base
from omnibox.models.channels import Channel, ChannelKind, ChannelStatus
from omnibox.models.contacts import Contact, ContactHandle
from omnibox.models.conversations import Conversation, ConversationStatus, ReadState
from omnibox.models.media import Attachment, AttachmentStatus
from omnibox.models.messages import AuthorType, DeliveryStatus, Direction, Message, MessageKind
from omnibox.models.speech import Transcript, TranscriptStatus
from omnibox.models.workspaces import Membership, Role, Workspace

__all__ = [
    "Attachment",
    "AttachmentStatus",
    "AuthSession",
    "AuthorType",
    "Base",
    "Channel",
    "ChannelKind",
    "ChannelStatus",
    "Contact",
    "ContactHandle",
    "Conversation",
    "ConversationStatus",
    "DeliveryStatus",
    "Direction",
    "LoginThrottle",
    "Membership",
    "Message",
    "MessageKind",
    "ReadState",
    "Role",
    "Transcript",
    "TranscriptStatus",
    "User",
    "Workspace",
]
