ALTER TABLE "orders" DROP CONSTRAINT "orders_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_customer_fk";
--> statement-breakpoint
DROP INDEX "orders_org_ordered_idx";