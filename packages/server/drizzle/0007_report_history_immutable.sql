-- Report history is never overwritten: events are append-only, snapshots and stored files are
-- written once, and an accepted (locked) version's data never changes again.
CREATE FUNCTION report_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_event_append_only BEFORE UPDATE OR DELETE ON report_event
  FOR EACH ROW EXECUTE FUNCTION report_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_snapshot_write_once BEFORE UPDATE OR DELETE ON report_snapshot
  FOR EACH ROW EXECUTE FUNCTION report_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER stored_file_write_once BEFORE UPDATE OR DELETE ON stored_file
  FOR EACH ROW EXECUTE FUNCTION report_history_refuse_change();
--> statement-breakpoint
CREATE FUNCTION report_version_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'report_version % cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.locked_at IS NOT NULL AND (NEW.data IS DISTINCT FROM OLD.data OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
      OR NEW.locked_at IS DISTINCT FROM OLD.locked_at OR NEW.version_no IS DISTINCT FROM OLD.version_no) THEN
    RAISE EXCEPTION 'report_version % is locked', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_version_immutable BEFORE UPDATE OR DELETE ON report_version
  FOR EACH ROW EXECUTE FUNCTION report_version_refuse_change();
