"""Imports every module that declares tasks, so a worker knows them all."""

from omnibox.channels import tasks as channel_tasks
from omnibox.channels.telegram import tasks as telegram_tasks
from omnibox.conversations import tasks as conversation_tasks
from omnibox.media import tasks as media_tasks
from omnibox.speech import tasks as speech_tasks

__all__ = ["channel_tasks", "conversation_tasks", "media_tasks", "speech_tasks", "telegram_tasks"]
