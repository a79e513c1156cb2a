"""Name and version of the event coder: recorded in every event so replays are traceable.

Bump CLASSIFIER_VERSION whenever the lexicons, gazetteers or rules change what is coded:
event ids include it, so a new version yields new ids.
"""

CLASSIFIER_NAME = "news-events-plover-rules"
CLASSIFIER_VERSION = "0.14.0"
