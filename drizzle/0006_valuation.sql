CREATE TABLE "allocation_plans" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "allocation_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	CONSTRAINT "allocation_plans_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "segment_market_inputs" (
	"org_id" uuid NOT NULL,
	"segment_key" text NOT NULL,
	"addressable_market_size" double precision,
	"expected_market_growth_pct" double precision DEFAULT 0 NOT NULL,
	"competitive_intensity" text DEFAULT 'medium' NOT NULL,
	"strategic_weight" double precision DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_market_inputs_org_id_segment_key_pk" PRIMARY KEY("org_id","segment_key")
);
--> statement-breakpoint
CREATE TABLE "valuation_settings" (
	"org_id" uuid NOT NULL,
	"preset" text NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "valuation_settings_org_id_pk" PRIMARY KEY("org_id")
);
--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD COLUMN "quarterly_revenue" double precision[] DEFAULT '{0,0,0,0}' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD COLUMN "quarterly_orders" integer[] DEFAULT '{0,0,0,0}' NOT NULL;--> statement-breakpoint
ALTER TABLE "allocation_plans" ADD CONSTRAINT "allocation_plans_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plans" ADD CONSTRAINT "allocation_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_market_inputs" ADD CONSTRAINT "segment_market_inputs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_market_inputs" ADD CONSTRAINT "segment_market_inputs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuation_settings" ADD CONSTRAINT "valuation_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuation_settings" ADD CONSTRAINT "valuation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_plans_org_created_idx" ON "allocation_plans" USING btree ("org_id","created_at");