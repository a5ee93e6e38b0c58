//! How a subcommand failed: the error type every command returns and `main`
//! turns into a message and an exit code. It lives beside the commands, so
//! `cli` depends on `cmd` and never the reverse.

/// How a command failed: bad input (exit 2) or our own fault (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{0}")]
    Input(String),
    #[error("{0}")]
    Internal(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Input(_) => 2,
            Failure::Internal(_) => 1,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Failure::Input(m) | Failure::Internal(m) => m,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Failure;

    #[test]
    fn input_is_exit_2_internal_exit_1_and_display_is_the_message() {
        let input = Failure::Input("bad".into());
        let internal = Failure::Internal("ours".into());
        assert_eq!((input.exit_code(), internal.exit_code()), (2, 1));
        assert_eq!(input.to_string(), input.message());
        assert_eq!(internal.to_string(), "ours");
    }
}
