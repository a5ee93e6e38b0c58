mod architecture;
mod fields_table;
mod one_definition;
mod one_switch;
