"""Citizen notices: outbox, templates, senders (SMTP, SMS providers) and the worker."""
