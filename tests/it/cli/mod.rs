mod check_ignored_inputs;
mod cli;
mod cli_width;
