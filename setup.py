"""The compiled part of chitieu (pyproject.toml holds everything else).

chitieu.catalog._fastread is the hot loop of the catalog's name reading in C; it is optional:
where it does not build (no C compiler), chitieu runs its Python twin, with the same results.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("chitieu.catalog._fastread", ["chitieu/catalog/_fastread.c"],
                             extra_compile_args=["-O2"], optional=True)])
