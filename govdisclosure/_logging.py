"""Where the package's messages go: the ``govdisclosure`` logger, and nowhere else.

The library never prints and attaches no handler but a ``NullHandler`` (in ``__init__``), so by
default nothing reaches the user's terminal; an application shows the messages by configuring the
``govdisclosure`` logger (the CLI does with ``--verbose``).

Dependencies log too: pdfminer writes ``Could not get FontBBox from font descriptor …`` once per
font and page of a Chromium-printed PDF, and with no logging configured Python's last-resort
handler puts every one on stderr.  While a file is read inside :func:`routed`, the records of the
dependencies' loggers are taken off their loggers (a filter, not a handler) and, once the file is
read, re-logged under ``govdisclosure.inputs`` — one record per distinct message, with its count
(their debug and info records, pdfminer's token-by-token trace, are dropped):

>>> import logging
>>> seen = []
>>> class Keep(logging.Handler):
...     def emit(self, record): seen.append(record.getMessage())
>>> ours = logging.getLogger("govdisclosure.inputs")
>>> h = Keep(); ours.addHandler(h); old = ours.level; ours.setLevel(logging.DEBUG)
>>> dep = logging.getLogger("pdfminer.doctest")
>>> with routed(ours, "x.pdf"):
...     for _ in range(3):
...         dep.warning("Could not get FontBBox")
>>> seen
['x.pdf: pdfminer.doctest warning: Could not get FontBBox (3 times)']
>>> ours.removeHandler(h); ours.setLevel(old)

Outside :func:`routed` the dependencies' loggers behave as their owners configured them.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator

__all__ = ["DEPENDENCIES", "routed", "DEPENDENCY_LEVEL"]

#: Top-level logger names of the dependencies whose messages are routed.
DEPENDENCIES = ("pdfminer", "pdfplumber", "pypdfium2", "docx")

#: The level dependency messages are re-logged at: they describe the file's internals (a font's
#: missing bounding box), not the report; what matters for the data is in the report's findings.
#: ``govdisclosure -v`` shows them.
DEPENDENCY_LEVEL = logging.INFO

#: (logger name, level name, message) → count, for the read in progress in this context.
_SINK: contextvars.ContextVar[dict[tuple[str, str, str], int] | None] = contextvars.ContextVar(
    "govdisclosure_dependency_records", default=None)


class _Reroute(logging.Filter):
    """Takes a dependency's record off its logger while a read is in progress (in this context)."""

    def filter(self, record: logging.LogRecord) -> bool:
        sink = _SINK.get()
        if sink is None:
            return True
        if record.levelno < logging.WARNING:  # pdfminer's debug log traces every token: dropped
            return False
        try:
            msg = record.getMessage()
        except Exception:  # a dependency's malformed format string must not break the read
            msg = str(record.msg)
        key = (record.name, record.levelname.lower(), msg)
        sink[key] = sink.get(key, 0) + 1
        return False


_FILTER = _Reroute("govdisclosure")


def _install() -> None:
    """Put the filter on every existing logger of a dependency (a filter acts only on records logged
    on its own logger, so each module logger needs it); idempotent."""
    for name, obj in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(obj, logging.Logger) and name.split(".", 1)[0] in DEPENDENCIES \
                and _FILTER not in obj.filters:
            obj.addFilter(_FILTER)


@contextlib.contextmanager
def routed(logger: logging.Logger, what: str | None = None) -> Iterator[None]:
    """Route the dependencies' log records made in this block to ``logger``, one per message.

    Import the dependencies before entering: a module first imported inside the block brings a
    logger the filter is not yet on (it is on it from the next block).
    """
    _install()
    sink: dict[tuple[str, str, str], int] = {}
    token = _SINK.set(sink)
    try:
        yield
    finally:
        _SINK.reset(token)
        _install()
        for (name, level, msg), n in sink.items():
            logger.log(DEPENDENCY_LEVEL, "%s%s %s: %s%s", f"{what}: " if what else "", name, level, msg,
                       f" ({n} times)" if n > 1 else "")
