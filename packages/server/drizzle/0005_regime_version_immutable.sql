-- A published regime version never changes and is never removed: periods were opened from it.
CREATE FUNCTION regime_version_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'regime_version % is published and immutable', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER regime_version_immutable BEFORE UPDATE OR DELETE ON regime_version
  FOR EACH ROW EXECUTE FUNCTION regime_version_refuse_change();
