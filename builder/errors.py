"""Errors of the builder: a small hierarchy, so a bad document never stops the build."""

from __future__ import annotations


class BuilderError(Exception):
    """Base class of everything the builder raises on purpose."""


class ConfigError(BuilderError):
    """A configuration file is invalid. The message names the file, key and line."""


class DocumentError(BuilderError):
    """One seed cannot be published; the rest of the site still builds."""

    def __init__(self, source: str, reason: str, action: str = "skipped") -> None:
        super().__init__(f"{source}: {reason} ({action})")
        self.source = source
        self.reason = reason
        self.action = action
