"""ecosys surfaces: the Slack app, the CLI, digests and storage. The engine lives in ``index``."""
