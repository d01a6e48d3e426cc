"""Assemble: a reader's physical rows → tables of logical rows with column roles.

Stands on `chitieu.core` only: it knows the header vocabulary and the numbering of rows, no
file format and nothing of indicators.
"""
