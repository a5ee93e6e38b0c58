mod against_spec;
mod file_and_import;
mod providers;
mod report;
mod workbench;
