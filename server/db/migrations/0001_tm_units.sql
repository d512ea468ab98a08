CREATE TABLE `tm_deleted` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tm_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`segment_id` integer,
	`document_id` integer,
	`origin` text NOT NULL,
	`source` text NOT NULL,
	`target` text NOT NULL,
	`src_lang` text NOT NULL,
	`tgt_lang` text NOT NULL,
	`tuid` text,
	`creation_id` text,
	`change_id` text,
	`created_at` integer NOT NULL,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`segment_id`) REFERENCES `segments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tm_units_segment` ON `tm_units` (`segment_id`);--> statement-breakpoint
CREATE INDEX `tm_units_project` ON `tm_units` (`project_id`);