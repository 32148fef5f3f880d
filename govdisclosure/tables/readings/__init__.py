"""Readings: one module per way of reading a row or a table from the tokens.

Each module has one entry point, ``read(ctx: RowContext) -> list[Reading]`` (row readings:
positional, glued, aligned, detached, part4_blocks) or ``read(ctx: TableContext) -> list[Reading]``
(table readings: orphans; repairs: captions, bands, all_zero).  Readings propose cells with their
evidence and never write fields; the arbiter applies them in the order the part modules register
them (``docs/architecture.md``).
"""
