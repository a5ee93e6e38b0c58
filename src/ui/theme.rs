//! Semantic styles. Widgets ask for `theme.warning()` or `theme.delta(sign)`,
//! never raw colours, so one switch honours `NO_COLOR` and every colour used
//! reads on dark and light terminals alike (ANSI colours the terminal's own
//! palette maps; no fixed RGB). The runtime decides colour (`NO_COLOR`).

use ratatui::style::{Color, Modifier, Style};

use crate::model::Category;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub const fn plain() -> Self {
        Theme { color: false }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }
    pub fn heading(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn label(&self) -> Style {
        Style::new()
    }
    pub fn value(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn muted(&self) -> Style {
        if self.color {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::new()
        }
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// The selected text of a text box, which typing replaces.
    pub fn typed_over(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }
    pub fn warning(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan)
        } else {
            self.muted()
        }
    }
    /// A change in cost: up is bad news, down is good news.
    pub fn delta(&self, change: f64) -> Style {
        if change > 0.0 {
            self.fg(Color::Red)
        } else if change < 0.0 {
            self.fg(Color::Green)
        } else {
            Style::new()
        }
    }
    pub fn total(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn category(&self, c: Category) -> Style {
        self.fg(category_color(c))
    }
    /// Fill for a category's segment of the breakdown bar.
    pub fn segment(&self, c: Category) -> Style {
        if self.color {
            Style::new().fg(category_color(c)).bg(category_color(c))
        } else {
            Style::new()
        }
    }
    /// The glyph of a category's segment when there is no colour to tell them apart.
    pub fn segment_glyph(&self, c: Category) -> &'static str {
        if self.color {
            "█"
        } else {
            match c {
                Category::Inference => "█",
                Category::Retrieval => "▓",
                Category::Infrastructure => "▒",
                Category::Maintenance => "░",
                Category::Oversight => "#",
                Category::Errors => "x",
                Category::Change => "=",
                Category::Tools => "+",
                Category::People => "o",
            }
        }
    }
}

fn category_color(c: Category) -> Color {
    match c {
        Category::Inference => Color::Blue,
        Category::Retrieval => Color::Cyan,
        Category::Infrastructure => Color::Gray,
        Category::Maintenance => Color::Yellow,
        Category::Oversight => Color::Green,
        Category::Errors => Color::Red,
        Category::Change => Color::Magenta,
        Category::Tools => Color::LightCyan,
        Category::People => Color::LightGreen,
    }
}
