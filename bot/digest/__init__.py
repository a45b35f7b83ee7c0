"""Channel digests: subscriptions, the schedule, the content and the exactly-once send."""
