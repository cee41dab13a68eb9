"""The Telegram channel: a bot connected with its token, over a webhook or long polling."""
