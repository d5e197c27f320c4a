-- Integrators (issue 15): delivery's events (replay ready, thumbnail updated) go into the feed of
-- the channel's broadcaster, so delivery's record of a channel knows whose it is, from the stream
-- events like the rest of it. Runs unchanged on Apache Derby 10.16 and PostgreSQL 15.
ALTER TABLE delivery_channel ADD COLUMN owner_id VARCHAR(36);

-- What the stream events would have written, for the channels before this version.
UPDATE delivery_channel SET owner_id = (SELECT c.owner_id FROM channel c WHERE c.id = delivery_channel.channel_id);
