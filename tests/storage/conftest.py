from tests.storage.databases import db, db_url  # noqa: F401  (fixtures)
