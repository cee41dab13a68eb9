"""omnibox: a self-hosted omnichannel inbox."""

__version__ = "0.1.0"
