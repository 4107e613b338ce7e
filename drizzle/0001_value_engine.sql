CREATE TABLE "customer_metrics" (
	"org_id" uuid NOT NULL,
	"customer_id" bigint NOT NULL,
	"as_of" date NOT NULL,
	"first_order_at" timestamp with time zone,
	"last_order_at" timestamp with time zone,
	"orders" integer NOT NULL,
	"purchase_days" integer NOT NULL,
	"repeat_purchases" integer NOT NULL,
	"recency_days" integer,
	"tenure_days" integer,
	"repeat_span_days" integer,
	"revenue" double precision NOT NULL,
	"margin" double precision NOT NULL,
	"average_order_value" double precision,
	"average_repeat_value" double precision,
	"revenue_last_90_days" double precision NOT NULL,
	"revenue_last_365_days" double precision NOT NULL,
	"revenue_previous_365_days" double precision NOT NULL,
	"recency_score" smallint,
	"frequency_score" smallint,
	"monetary_score" smallint,
	"rfm_segment" text,
	"expected_purchases_90_days" double precision,
	"probability_alive" double precision,
	"predicted_clv" double precision,
	"historical_clv" double precision NOT NULL,
	CONSTRAINT "customer_metrics_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "model_fits" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "model_fits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"model" text NOT NULL,
	"params" jsonb NOT NULL,
	"log_likelihood" double precision,
	"converged" boolean NOT NULL,
	"iterations" integer NOT NULL,
	"failure" text,
	"customers" integer NOT NULL,
	"data_cutoff" date NOT NULL,
	"time_unit" text DEFAULT 'days' NOT NULL,
	"holdout" jsonb,
	"fitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_fits_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stage" text,
	"progress" double precision DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "default_margin_pct" double precision DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "rfm_bins" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "clv_horizon_months" smallint DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "monthly_discount_rate" double precision DEFAULT 0.01 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "clv_basis" text DEFAULT 'revenue' NOT NULL;--> statement-breakpoint
ALTER TABLE "model_fits" ADD CONSTRAINT "model_fits_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_metrics_org_segment_idx" ON "customer_metrics" USING btree ("org_id","rfm_segment");--> statement-breakpoint
CREATE INDEX "model_fits_org_model_idx" ON "model_fits" USING btree ("org_id","model","fitted_at");--> statement-breakpoint
CREATE INDEX "jobs_org_kind_created_idx" ON "jobs" USING btree ("org_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "jobs_org_status_idx" ON "jobs" USING btree ("org_id","status");