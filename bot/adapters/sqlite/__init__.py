"""The SQLite adapter: the only package that imports aiosqlite.

chat_store        SqliteStore, the service's ChatStore on one database file
feedback_queries  FeedbackQueries, the admin service's FeedbackReader over the same file
review_log        ReviewLog, the review queue's ReviewStore: pending questions, decisions
migrations        the schema, migrated forward at open
retention         pruning old rows in short batches
lock              one bot per database
sql               transactions; every sqlite3.Error leaves the package as StoreError
"""
