"""ecosys search engine: a plain library (no Slack) over the YAML knowledge base.

Data flows one way: YAML (``knowledge``) → Whoosh index (``store``) → ``Answer`` (``search``).
The public entry point is :class:`index.engine.Engine`.
"""
