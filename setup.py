"""The wheel carries db/ (migrations) and resources/ inside the package, as app/_db and
app/_resources, where app/resources.py finds them; pyproject.toml holds everything else.

setup.py only because pyproject.toml cannot map a folder outside app/ into a found package.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["app", "app.*"]),
        "app._db",
        "app._db.versions",
        # Folders of data files count as packages too (setuptools warns otherwise).
        *(f"app._resources.{folder}" for folder in ("fonts", "translations", "styles", "icons", "help")),
    ],
    package_dir={"app._db": "db", "app._resources": "resources"},
)
