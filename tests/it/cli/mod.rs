mod check_ignored_inputs;
mod check_price_steps;
mod cli;
mod cli_width;
