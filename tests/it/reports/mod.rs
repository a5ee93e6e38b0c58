mod client_report;
mod compare;
mod report_footer;
mod report_formats;
mod report_markdown;
mod report_print;
mod reports;
mod reports_v2;
