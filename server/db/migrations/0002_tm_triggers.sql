-- Custom migration (drizzle-kit generate --custom): drizzle has no DDL for triggers.
-- Every approved segment with a target is a TM unit; these triggers keep tm_units in step with
-- segments inside the transaction that changes the segment. See server/db/schema-tm.ts.
CREATE TRIGGER `tm_segment_insert` AFTER INSERT ON `segments`
WHEN NEW.`status` = 'approved' AND NEW.`target` <> ''
BEGIN
  INSERT INTO `tm_units` (`project_id`, `segment_id`, `document_id`, `origin`, `source`, `target`, `src_lang`, `tgt_lang`, `created_at`, `changed_at`)
  SELECT d.`project_id`, NEW.`id`, NEW.`document_id`, 'segment', NEW.`source`, NEW.`target`, p.`source_lang`, p.`target_lang`, NEW.`updated_at`, NEW.`updated_at`
  FROM `documents` d JOIN `projects` p ON p.`id` = d.`project_id` WHERE d.`id` = NEW.`document_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `tm_segment_update` AFTER UPDATE OF `status`, `target`, `source` ON `segments`
BEGIN
  DELETE FROM `tm_units` WHERE `segment_id` = NEW.`id`
    AND (NEW.`status` <> 'approved' OR `tm_units`.`target` <> NEW.`target` OR `tm_units`.`source` <> NEW.`source`);
  INSERT INTO `tm_units` (`project_id`, `segment_id`, `document_id`, `origin`, `source`, `target`, `src_lang`, `tgt_lang`, `created_at`, `changed_at`)
  SELECT d.`project_id`, NEW.`id`, NEW.`document_id`, 'segment', NEW.`source`, NEW.`target`, p.`source_lang`, p.`target_lang`, NEW.`updated_at`, NEW.`updated_at`
  FROM `documents` d JOIN `projects` p ON p.`id` = d.`project_id`
  WHERE d.`id` = NEW.`document_id` AND NEW.`status` = 'approved' AND NEW.`target` <> ''
    AND NOT EXISTS (SELECT 1 FROM `tm_units` u WHERE u.`segment_id` = NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `tm_unit_deleted` AFTER DELETE ON `tm_units`
BEGIN
  INSERT INTO `tm_deleted` (`unit_id`) VALUES (OLD.`id`);
END;
--> statement-breakpoint
INSERT INTO `tm_units` (`project_id`, `segment_id`, `document_id`, `origin`, `source`, `target`, `src_lang`, `tgt_lang`, `created_at`, `changed_at`)
SELECT d.`project_id`, s.`id`, s.`document_id`, 'segment', s.`source`, s.`target`, p.`source_lang`, p.`target_lang`, s.`updated_at`, s.`updated_at`
FROM `segments` s JOIN `documents` d ON d.`id` = s.`document_id` JOIN `projects` p ON p.`id` = d.`project_id`
WHERE s.`status` = 'approved' AND s.`target` <> '';
