"""Interpret: assembled tables → the plan above them and canonical records.

Stands on `chitieu.core`, the pure grammars of `chitieu.normalize` and the `gazetteer`.
"""
