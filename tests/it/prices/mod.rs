mod cache_writes;
mod catalog;
mod catalog_import;
mod flash_schedules;
mod prices;
mod prices_2026_11;
mod prices_2026_12;
