"""PAC SAC Desktop: offline knowledge base and request capture for municipal frontline staff."""

__version__ = "0.1.0"
