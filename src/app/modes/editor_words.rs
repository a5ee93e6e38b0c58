//! What each editor action does, as the help overlay and the bottom bar say.

use super::A;
use super::EditorAction;
use crate::app::keymap::Described;

impl Described for EditorAction {
    fn description(self) -> &'static str {
        match self {
            A::Move(m) => m.description(),
            A::Increase => "raise the value one step",
            A::Decrease => "lower the value one step",
            A::IncreaseBig => "raise by ten steps",
            A::DecreaseBig => "lower by ten steps",
            A::Double => "double the value (what if volume doubles?)",
            A::Halve => "halve the value",
            A::Find => "find an input by name, section or path",
            A::JumpSection => "jump to section 1 Volume … 9 Change",
            A::Activate => "edit the value / toggle / open the picker or notes",
            A::ToggleSection => "collapse or expand the section",
            A::CollapseAll => "collapse every section",
            A::ExpandAll => "expand every section",
            A::SwitchFocus => "switch between inputs and the monthly table",
            A::Undo => "undo the last change",
            A::Redo => "redo",
            A::Save => "save the plan",
            A::SaveAs => "save under a new name",
            A::Open => "open a plan",
            A::NewFromExample => "new plan from an example",
            A::Notes => "edit the notes from the call",
            A::PickModel => "choose the model from the catalog",
            A::AddModel => "add a model to the mix",
            A::RemoveLine => "remove the model, line, tool, role or price change",
            A::Rebalance => "rebalance model shares to sum to 100 %",
            A::AddInfra => {
                "add a line: a tool, role or price change where the cursor is, else infrastructure"
            }
            A::Help => "show or hide this help",
            A::MakeVariant => "duplicate the plan as a named variant",
            A::Compare => "compare the open plans side by side",
            A::CompareWith => {
                "compare with a plan file (opens it beside this one; nothing is lost)"
            }
            A::PinVariant => "pin the what-if as a variant and compare it with the saved plan",
            A::PrevPlan => "previous open plan",
            A::NextPlan => "next open plan",
            A::ClosePlan => "close the plan (asks if it has unsaved changes)",
            A::RefreshPrices => "take the catalog's current prices into the plan",
            A::Tornado => "what drives the cost: each input ±20 %, largest swing first",
            A::NextMetric => {
                "read the drivers (t) and the P10–P90 on cash TCO, on NPV or on TCO with expected losses, in turn"
            }
            A::Actuals => {
                "the plan against what was spent (PLAN.actuals.csv): variance month by month, re-forecast and landing"
            }
            A::EditRange => "give the input a range (low – high) for the TCO band",
            A::Source => "say where the input's value comes from, with a confidence",
            A::Breakeven => "where it breaks even: self-hosting volumes, payback minutes",
            A::Present => "presentation mode for screen sharing (any key returns)",
            A::Export => "write the client report (Markdown and HTML) next to the plan",
            A::DismissNotices => "dismiss the notices above the status bar",
            A::NextCase => "show the next case's projection (after the last, the plan's own)",
            A::MakeCase => {
                "make a case from the what-if: the inputs changed since the save (asks a name)"
            }
            A::Quit => "quit (asks if there are unsaved changes)",
        }
    }

    fn short(self) -> &'static str {
        match self {
            A::Increase | A::Decrease => "adjust",
            A::Activate => "edit",
            A::Undo => "undo",
            A::Find => "find",
            A::Double => "double",
            A::Halve => "halve",
            A::Redo => "redo",
            A::Save => "save",
            A::Open => "open",
            A::Help => "help",
            A::Quit => "quit",
            A::PickModel => "model",
            A::Notes => "notes",
            A::SwitchFocus => "table",
            A::Rebalance => "rebalance",
            A::MakeVariant => "variant",
            A::Compare => "compare",
            A::CompareWith => "compare with",
            A::PinVariant => "pin what-if",
            A::ClosePlan => "close",
            A::RefreshPrices => "refresh prices",
            A::Tornado => "drivers",
            A::NextMetric => "cash/NPV/TCO",
            A::Actuals => "actuals",
            A::EditRange => "range",
            A::Source => "source",
            A::Breakeven => "break-even",
            A::Present => "present",
            A::Export => "report",
            A::DismissNotices => "dismiss",
            A::NextCase => "case",
            A::MakeCase => "make case",
            _ => self.description(),
        }
    }
}
