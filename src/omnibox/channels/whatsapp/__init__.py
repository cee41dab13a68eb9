"""The WhatsApp channel (WhatsApp Cloud API)."""
