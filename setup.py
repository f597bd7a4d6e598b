"""Installing compiles the translation catalogues (.ts → .qm) into the package."""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _translations():
    path = HERE / "packaging" / "translations.py"
    spec = importlib.util.spec_from_file_location("translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithTranslations(build_py):
    """build_py, after pyside6-lrelease (an editable install keeps them in the source tree)."""

    def run(self):
        _translations().compile_all()
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
