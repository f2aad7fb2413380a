"""The exception tree, rooted in one RedlineError.

    RedlineError
    ├── ConfigError          a watchlist, policy or setting is invalid (names the file, line, field)
    ├── InputError           one input item is unusable (names the item and why)
    │   └── MediaError       an image is hostile, corrupt, too large or unreadable
    ├── NotFoundError        a decision, appeal, account or entity does not exist
    ├── StateError           the action is not allowed in the current state (e.g. appeal twice)
    └── DependencyError      an external program or optional package is missing (tesseract, dlib)

The CLI maps them to exit codes once (user error 2, external dependency 3);
the HTTP service maps them to status codes once.
"""


class RedlineError(Exception):
    """Base of every error Redline raises on purpose."""


class ConfigError(RedlineError):
    """A configuration file or setting is invalid."""


class InputError(RedlineError):
    """One input item cannot be processed."""


class MediaError(InputError):
    """An image cannot be processed safely."""


class NotFoundError(RedlineError):
    """A referenced record does not exist."""


class StateError(RedlineError):
    """An action is not allowed in the current state."""


class DependencyError(RedlineError):
    """An external program or optional package is missing."""
