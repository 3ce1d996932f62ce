-- A price is immutable except its nickname, whether it is active and whether it is the product's default: an order
-- keeps pointing at the amount it was sold for. The API cannot send the other columns; this refuses them from any
-- code path. stripe_price_id may be set once (when the price is created on Stripe), never changed after.
CREATE FUNCTION product_prices_refuse_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.amount_cents IS DISTINCT FROM OLD.amount_cents OR NEW.currency IS DISTINCT FROM OLD.currency
     OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.interval IS DISTINCT FROM OLD.interval
     OR NEW.product_id IS DISTINCT FROM OLD.product_id OR NEW.workspace_id IS DISTINCT FROM OLD.workspace_id
     OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR (OLD.stripe_price_id IS NOT NULL AND NEW.stripe_price_id IS DISTINCT FROM OLD.stripe_price_id) THEN
    RAISE EXCEPTION 'a price is immutable: add a new price and archive this one' USING ERRCODE = 'check_violation', CONSTRAINT = 'product_prices_immutable';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER product_prices_immutable BEFORE UPDATE ON product_prices FOR EACH ROW EXECUTE FUNCTION product_prices_refuse_changes();
