-- UUIDv7 (RFC 9562): 48 bits of Unix time in milliseconds, the version and variant bits, and 74 random bits, so
-- leads and lead events are appended at the end of their primary keys and id-ordered indexes instead of on a random
-- page of each (see timeOrderedId in platform/db/columns.ts). Plain SQL, so PostgreSQL 15+ and PGlite run it alike
-- (PostgreSQL 18's own uuidv7() is not there before 18). Existing rows keep their ids.
CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;--> statement-breakpoint
ALTER TABLE "lead_events" ALTER COLUMN "id" SET DEFAULT uuid_v7();--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "id" SET DEFAULT uuid_v7();
