CREATE TABLE "api_keys" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "api_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"last_four" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "api_keys_org_key_hash_key" UNIQUE("org_id","key_hash")
);
--> statement-breakpoint
CREATE TABLE "segment_member_changes" (
	"org_id" uuid NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"change" text NOT NULL,
	CONSTRAINT "segment_member_changes_org_id_snapshot_id_customer_id_pk" PRIMARY KEY("org_id","snapshot_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"org_id" uuid NOT NULL,
	"segment_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	CONSTRAINT "segment_members_org_id_segment_id_customer_id_pk" PRIMARY KEY("org_id","segment_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "segment_snapshots" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "segment_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"segment_id" bigint NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customers" integer NOT NULL,
	"total_customers" integer NOT NULL,
	"revenue" double precision NOT NULL,
	"total_revenue" double precision NOT NULL,
	"predicted_clv" double precision NOT NULL,
	"average_predicted_clv" double precision,
	"entered" integer NOT NULL,
	"departed" integer NOT NULL,
	CONSTRAINT "segment_snapshots_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "segments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"color" text DEFAULT 'indigo' NOT NULL,
	"kind" text NOT NULL,
	"rule" jsonb,
	"source" text DEFAULT 'custom' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refreshed_at" timestamp with time zone,
	CONSTRAINT "segments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "segments_org_name_key" UNIQUE("org_id","name")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "segment_member_changes_org_customer_idx" ON "segment_member_changes" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "segment_members_org_customer_idx" ON "segment_members" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "segment_snapshots_org_segment_taken_idx" ON "segment_snapshots" USING btree ("org_id","segment_id","taken_at");