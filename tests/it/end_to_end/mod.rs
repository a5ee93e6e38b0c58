mod call_tmux;
mod e2e_tmux;
mod interview_tmux;
