"""govdisclosure: Chinese government information-disclosure annual reports → checked, structured data.

>>> import govdisclosure
>>> report = govdisclosure.parse("一、总体情况\\n本年度未收到申请。")
>>> report.edition is None or report.edition in ("2019", "2021", "legacy")
True

Nothing heavy is imported here: spaCy, pdfplumber and the HTML/DOCX readers load on first use.
"""

from __future__ import annotations

import logging

from .errors import (
    DecodeError,
    DependencyError,
    EncryptedFileError,
    FileFormatError,
    GovDisclosureError,
    InputError,
    InputTooLargeError,
    ModelNotFoundError,
    UnsupportedFormatError,
)
from .report import Contact, Fact, Field, Finding, Meta, Report, Section, Source

__version__ = "0.1.0"

# The library's messages (and its dependencies', see _logging.py) go to this logger; an application
# shows them by configuring it (the CLI: --verbose).  No output by default, not even warnings.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "parse",
    "parse_file",
    "parse_many",
    "to_records",
    "to_frame",
    "decide_across_years",
    "Report",
    "Field",
    "Finding",
    "Meta",
    "Contact",
    "Fact",
    "Section",
    "Source",
    "GovDisclosureError",
    "InputError",
    "DecodeError",
    "UnsupportedFormatError",
    "FileFormatError",
    "EncryptedFileError",
    "InputTooLargeError",
    "DependencyError",
    "ModelNotFoundError",
    "__version__",
]


def __getattr__(name: str) -> object:
    # parse/parse_file live in api.py; importing it lazily keeps `import govdisclosure` minimal.
    if name in ("parse", "parse_file"):
        from . import api

        return getattr(api, name)
    if name in ("parse_many", "to_records", "to_frame"):
        from . import batch  # multiprocessing and concurrent.futures load only when asked for

        return getattr(batch, name)
    if name == "decide_across_years":
        from .crossyear import decide  # R6 as evidence between one organ's reports (crossyear.py)

        return decide
    raise AttributeError(f"module 'govdisclosure' has no attribute {name!r}")
