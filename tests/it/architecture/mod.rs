mod architecture;
mod fields_table;
mod one_definition;
