-- The schema ecosys created before issue 13 (bot/storage at 01812db, metadata.create_all), postgresql.
CREATE TABLE digest_runs (
	id SERIAL NOT NULL, 
	channel_id VARCHAR(32) NOT NULL, 
	period VARCHAR(40) NOT NULL, 
	state VARCHAR(10) NOT NULL, 
	attempts INTEGER NOT NULL, 
	worker VARCHAR(64) NOT NULL, 
	first_claimed_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	claimed_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	sent_at TIMESTAMP WITH TIME ZONE, 
	message_ts VARCHAR(32), 
	error VARCHAR(200), 
	snapshot TEXT, 
	spotlight VARCHAR(64), 
	PRIMARY KEY (id), 
	CONSTRAINT uq_digest_runs_channel_period UNIQUE (channel_id, period)
);

CREATE TABLE query_log (
	id SERIAL NOT NULL, 
	asked_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	question VARCHAR(500) NOT NULL, 
	lang VARCHAR(8) NOT NULL, 
	surface VARCHAR(16) NOT NULL, 
	result_count INTEGER NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_query_log_asked_at ON query_log (asked_at);

CREATE TABLE slack_events (
	event_id VARCHAR(64) NOT NULL, 
	seen_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	PRIMARY KEY (event_id)
);

CREATE INDEX ix_slack_events_seen_at ON slack_events (seen_at);

CREATE TABLE subscriptions (
	channel_id VARCHAR(32) NOT NULL, 
	frequency VARCHAR(8) NOT NULL, 
	weekday INTEGER NOT NULL, 
	hour INTEGER NOT NULL, 
	minute INTEGER NOT NULL, 
	timezone VARCHAR(64) NOT NULL, 
	lang VARCHAR(8) NOT NULL, 
	paused_reason VARCHAR(64), 
	active_since TIMESTAMP WITH TIME ZONE NOT NULL, 
	paused_at TIMESTAMP WITH TIME ZONE, 
	PRIMARY KEY (channel_id)
);
