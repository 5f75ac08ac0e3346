-- A published form version never changes and is never removed: reports refer to it.
CREATE FUNCTION form_version_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'form_version % is published and immutable', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER form_version_immutable BEFORE UPDATE OR DELETE ON form_version
  FOR EACH ROW EXECUTE FUNCTION form_version_refuse_change();
