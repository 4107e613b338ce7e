-- Row-level security as a second wall behind the tenant data layer: tenant transactions (lib/db/tenant.ts withTenant)
-- switch to the role segmenta_tenant and set app.org_id; under that role every tenant table shows and accepts only
-- rows of that org. The role is cluster-wide, so creating it tolerates another database having done so first.
DO $$
BEGIN
  CREATE ROLE segmenta_tenant NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO segmenta_tenant;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO segmenta_tenant;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO segmenta_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO segmenta_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO segmenta_tenant;
--> statement-breakpoint
-- Every table with an org_id except the memberships directory. A later migration adding a tenant table adds its
-- policy the same way (lib/db/row-level-security.test.ts fails until it does).
DO $$
DECLARE tenant_table text;
BEGIN
  FOR tenant_table IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'memberships'
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (org_id = nullif(current_setting(''app.org_id'', true), '''')::uuid) '
      'WITH CHECK (org_id = nullif(current_setting(''app.org_id'', true), '''')::uuid)',
      tenant_table
    );
  END LOOP;
END $$;
--> statement-breakpoint
-- The audit trail is append-only for tenant transactions.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM segmenta_tenant;
