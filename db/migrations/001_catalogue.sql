-- Cartes catalogue schema, version 1 (issue 12): the model of
-- geodata/alliances/FORMAT.md in tables, a version per alliance, and a
-- history filled by triggers. Applied by `cartes db init|upgrade`, in one
-- transaction with the schema_version row.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE SCHEMA cartes;

-- One row: the catalogue's format, its leading comment lines (kept on save,
-- as in the file), and a revision bumped by every change (the store's version).
CREATE TABLE cartes.catalogue (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  format integer NOT NULL DEFAULT 1,
  header text NOT NULL DEFAULT '',
  revision bigint NOT NULL DEFAULT 0
);
INSERT INTO cartes.catalogue DEFAULT VALUES;

CREATE TABLE cartes.alliances (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  position integer NOT NULL,
  name text NOT NULL,
  status text NOT NULL,
  themes text[] NOT NULL,
  finalites text[] NOT NULL,
  portage_kind text NOT NULL,
  portage_structure text NOT NULL DEFAULT '',
  portage_lead text NOT NULL DEFAULT '',
  temporalite text NOT NULL,
  intensite text NOT NULL,
  tendance text NOT NULL,
  since integer CHECK (since BETWEEN 1800 AND 2100),
  scope text NOT NULL,
  confidence text NOT NULL,
  confidence_note text NOT NULL DEFAULT '',
  sources text[] NOT NULL DEFAULT '{}',
  notes text NOT NULL DEFAULT '',
  -- The workshop card (FORMAT.md, Workshop): {"table": 3, "session": "...",
  -- "gommettes": [["themes", [["mobilite", 4]]], ...]}, or null.
  workshop jsonb,
  -- The alliance's canonical TOML (FORMAT.md), members and partners
  -- included: what a save compares, and what the history keeps of it.
  canonical text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by text NOT NULL DEFAULT current_user,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cartes.members (
  alliance_id text NOT NULL REFERENCES cartes.alliances (id) ON DELETE CASCADE ON UPDATE CASCADE,
  position integer NOT NULL,
  level text NOT NULL CHECK (level IN ('commune', 'epci', 'pays', 'departement', 'region')),
  code text NOT NULL,
  name text NOT NULL,
  confidence text,  -- null: the alliance's
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (alliance_id, position),
  UNIQUE (alliance_id, level, code)
);

CREATE TABLE cartes.partners (
  alliance_id text NOT NULL REFERENCES cartes.alliances (id) ON DELETE CASCADE ON UPDATE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  PRIMARY KEY (alliance_id, position)
);

-- Who changed what, when, before and after (the alliance row as JSON; its
-- members and partners are rewritten with it, so the row's version tells).
CREATE TABLE cartes.history (
  id bigserial PRIMARY KEY,
  revision bigint NOT NULL,  -- the catalogue's revision this change made
  alliance_id text NOT NULL,
  operation text NOT NULL,
  changed_by text NOT NULL DEFAULT current_user,
  changed_at timestamptz NOT NULL DEFAULT now(),
  before jsonb,
  after jsonb
);

CREATE FUNCTION cartes.record_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r bigint;
BEGIN
  UPDATE cartes.catalogue SET revision = revision + 1 RETURNING revision INTO r;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO cartes.history (revision, alliance_id, operation, after) VALUES (r, NEW.id, 'insert', to_jsonb(NEW));
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO cartes.history (revision, alliance_id, operation, before, after)
      VALUES (r, NEW.id, 'update', to_jsonb(OLD), to_jsonb(NEW));
  ELSE
    INSERT INTO cartes.history (revision, alliance_id, operation, before) VALUES (r, OLD.id, 'delete', to_jsonb(OLD));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER alliances_history AFTER INSERT OR UPDATE OR DELETE ON cartes.alliances
  FOR EACH ROW EXECUTE FUNCTION cartes.record_history();

-- Roles (point 5): readers read, editors edit alliances, the administrator
-- owns the schema. Grants only; agencies map their people onto these roles.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cartes_reader') THEN CREATE ROLE cartes_reader NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cartes_editor') THEN CREATE ROLE cartes_editor NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cartes_admin') THEN CREATE ROLE cartes_admin NOLOGIN; END IF;
END $$;
GRANT cartes_reader TO cartes_editor;
GRANT cartes_editor TO cartes_admin;
GRANT USAGE ON SCHEMA cartes TO cartes_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA cartes TO cartes_reader;
GRANT INSERT, UPDATE, DELETE ON cartes.alliances, cartes.members, cartes.partners TO cartes_editor;
GRANT INSERT ON cartes.history TO cartes_editor;
GRANT UPDATE ON cartes.catalogue TO cartes_editor;
GRANT USAGE ON SEQUENCE cartes.history_id_seq TO cartes_editor;
GRANT ALL ON SCHEMA cartes TO cartes_admin;

CREATE TABLE cartes.schema_version (version integer NOT NULL);
GRANT SELECT ON cartes.schema_version TO cartes_reader;
