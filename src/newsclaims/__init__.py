"""newsclaims: news articles as a source-attributed, queryable record of their claims."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsclaims")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"
