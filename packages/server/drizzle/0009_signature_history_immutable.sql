-- A signature is evidence: it is never deleted and never changes, except that a return or a
-- send-back may mark it superseded (once).
CREATE FUNCTION report_signature_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'report_signature % cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.superseded_at IS NOT NULL
      OR (to_jsonb(NEW) - 'superseded_at') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_at') THEN
    RAISE EXCEPTION 'report_signature % is immutable', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_signature_immutable BEFORE UPDATE OR DELETE ON report_signature
  FOR EACH ROW EXECUTE FUNCTION report_signature_refuse_change();
