"""The ``ecosys`` command line: thin adapters over the engine and the bot's services."""
