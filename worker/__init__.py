"""news-events: turns raw news articles into structured PLOVER political events."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("news-events")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+local"

__all__ = ["__version__"]
