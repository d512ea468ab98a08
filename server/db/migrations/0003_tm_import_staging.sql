CREATE TABLE `tm_import_units` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`source` text NOT NULL,
	`target` text NOT NULL,
	`src_lang` text NOT NULL,
	`tgt_lang` text NOT NULL,
	`tuid` text,
	`creation_id` text,
	`change_id` text,
	`created_at` integer NOT NULL,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `tm_imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tm_import_units_import` ON `tm_import_units` (`import_id`,`seq`);--> statement-breakpoint
CREATE TABLE `tm_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`touched_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
