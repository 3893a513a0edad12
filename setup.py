"""Maps the top-level resources/ and seeds/ folders into the package.

They stay at the top of the repository (where people look for them) but install as
aligner_gui.resources and aligner_gui.seeds, so importlib.resources finds them in a
wheel, an editable install and a PyInstaller bundle alike.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["aligner_gui", "aligner_gui.*"])
    + ["aligner_gui.resources", "aligner_gui.seeds"],
    package_dir={"aligner_gui.resources": "resources", "aligner_gui.seeds": "seeds"},
    package_data={"aligner_gui.resources": ["**/*"], "aligner_gui.seeds": ["*.txt"]},
)
