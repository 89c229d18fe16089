"""Build script for the optional C speed-up of the term screen (`termguard._cscreen`).

Everything else is declared in pyproject.toml. The extension is optional: without a C
compiler the package installs and runs the same checks in pure Python.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("termguard._cscreen", ["src/termguard/_cscreen.c"], optional=True),
    ],
)
