"""The exception hierarchy.  Callers catch :class:`GovDisclosureError`.

Exceptions are for misuse and for files that cannot be read at all.  Messy report *text* never
raises: ``parse`` turns every anomaly into a finding and a field status.
"""

from __future__ import annotations

__all__ = [
    "GovDisclosureError",
    "InputError",
    "DecodeError",
    "UnsupportedFormatError",
    "FileFormatError",
    "EncryptedFileError",
    "InputTooLargeError",
    "DependencyError",
    "ModelNotFoundError",
]

_EVIDENCE = 80  # characters of quoted evidence in a message: enough to recognise, short enough to log


def _quote(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _EVIDENCE else text[: _EVIDENCE - 1] + "…"


class GovDisclosureError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(GovDisclosureError):
    """The input cannot be parsed as given (wrong type, unreadable file, …)."""


class DecodeError(InputError):
    """Bytes that cannot be decoded with confidence (not UTF-8/UTF-16/GB18030 text)."""


class UnsupportedFormatError(InputError):
    """A file format that parse_file does not read (or needs a tool that is not installed)."""


class FileFormatError(InputError):
    """A file that claims a format but is broken (truncated PDF, DOCX that is not a zip, …)."""


class EncryptedFileError(FileFormatError):
    """A password-protected file."""


class InputTooLargeError(InputError):
    """An input over a configured size limit (see govdisclosure.limits)."""


class DependencyError(GovDisclosureError):
    """An optional dependency is missing; the message names the package to install."""


class ModelNotFoundError(GovDisclosureError):
    """The shipped spaCy pipeline is missing; the message names the build command."""
