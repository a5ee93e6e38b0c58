mod bounds;
mod fuzz_corpus;
mod invalid_files;
mod plan_files;
mod sources;
mod version_on_write;
