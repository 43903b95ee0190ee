"""Citizen satisfaction: the one-time link page and the clerk's entry, one event kind."""
