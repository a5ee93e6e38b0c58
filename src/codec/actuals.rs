//! The actuals file, `PLAN.actuals.csv` (spec actuals.md §1): RFC 4180 CSV
//! with a header row, read with every bad row named by its line, written
//! sorted so it diffs cleanly.

use std::collections::HashMap;

use crate::model::actuals::{Basis, Counted, Row, sort};
use crate::model::prices::YearMonth;

/// The columns, in their order.
pub const COLUMNS: [&str; 8] = [
    "month", "category", "item", "quantity", "cost", "basis", "source", "key",
];

/// The largest amount a row may carry: no month of a real plan comes near.
const LARGEST: f64 = 1e15;

/// What is wrong with the file, by line (1 is the header).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct Problem {
    pub line: u64,
    pub message: String,
}

fn problem(line: u64, message: impl Into<String>) -> Problem {
    Problem {
        line,
        message: message.into(),
    }
}

/// `YYYY-MM` exactly (UTC calendar month).
pub fn month(s: &str) -> Option<YearMonth> {
    let b = s.as_bytes();
    let shaped = b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit());
    shaped.then(|| YearMonth::parse(s)).flatten()
}

/// A number cell: empty is `None`; anything else must be a finite number
/// within the bound.
fn number(cell: &str, column: &str, line: u64) -> Result<Option<f64>, Problem> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= LARGEST => Ok(Some(v)),
        Ok(_) => Err(problem(
            line,
            format!("{column} is {t}; it must be a number from −1e15 to 1e15"),
        )),
        Err(_) => Err(problem(
            line,
            format!(
                "{column} is {t:?}, not a number (write 1234.5: no currency sign or thousands separator)"
            ),
        )),
    }
}

/// Reads the file's rows; every bad row is a [`Problem`] naming its line
/// (all of them, so one pass fixes the file), and the rows are only
/// returned when there are none.
pub fn parse(text: &str) -> Result<Vec<Row>, Vec<Problem>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => return Err(vec![problem(1, format!("the header cannot be read: {e}"))]),
    };
    if header.iter().map(String::as_str).ne(COLUMNS) {
        return Err(vec![problem(
            1,
            format!(
                "the header is {:?}; an actuals file has the columns {} in this order",
                header.join(","),
                COLUMNS.join(",")
            ),
        )]);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut keys: HashMap<String, u64> = HashMap::new();
    // A record's line from its byte offset: the csv crate's own count is
    // off after CRLF line ends and blank lines.
    let bytes = text.as_bytes();
    let (mut at, mut line_no) = (0usize, 1u64);
    // The offset may point at the `\n` of a CRLF before the record: that
    // newline is counted too.
    let mut line_of = |byte: u64| {
        let to = (byte as usize + 1).min(bytes.len());
        if to > at {
            line_no += bytes[at..to].iter().filter(|b| **b == b'\n').count() as u64;
            at = to;
        }
        line_no
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_of(p.byte()));
                problems.push(problem(line, format!("not a CSV row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_of(p.byte()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match row(&record, line) {
            Ok(r) => {
                if let Some(first) = keys.insert(r.key.clone(), line) {
                    problems.push(problem(
                        line,
                        format!(
                            "key {:?} is already the key of line {first}; a key names one row (a re-import replaces it)",
                            r.key
                        ),
                    ));
                } else {
                    rows.push(r);
                }
            }
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

fn row(record: &csv::StringRecord, line: u64) -> Result<Row, Problem> {
    if record.len() != COLUMNS.len() {
        return Err(problem(
            line,
            format!(
                "{} cells; a row has {} ({})",
                record.len(),
                COLUMNS.len(),
                COLUMNS.join(",")
            ),
        ));
    }
    let cell = |i: usize| record.get(i).unwrap_or("").trim();
    let m = month(cell(0)).ok_or_else(|| {
        problem(
            line,
            format!(
                "month is {:?}; it must be a calendar month YYYY-MM, e.g. 2027-01",
                cell(0)
            ),
        )
    })?;
    let counted = Counted::parse(cell(1)).ok_or_else(|| {
        problem(
            line,
            format!(
                "category is {:?}; it must be requests or a cost line: {}",
                cell(1),
                crate::model::Category::ALL.map(|c| c.key()).join(", ")
            ),
        )
    })?;
    let quantity = number(cell(3), "quantity", line)?;
    let cost = number(cell(4), "cost", line)?;
    match counted {
        Counted::Requests => {
            if cost.is_some() {
                return Err(problem(
                    line,
                    "a requests row has a cost; put the month's requests in quantity and the money on a cost line",
                ));
            }
            match quantity {
                None => {
                    return Err(problem(
                        line,
                        "a requests row needs quantity: the month's requests",
                    ));
                }
                Some(q) if q < 0.0 => {
                    return Err(problem(
                        line,
                        format!("quantity is {q}; requests are 0 or more"),
                    ));
                }
                Some(_) => {}
            }
        }
        Counted::Line(_) => {
            if cost.is_none() {
                return Err(problem(
                    line,
                    format!(
                        "a {} row needs cost: money in the plan's currency (a credit is negative)",
                        counted.key()
                    ),
                ));
            }
        }
    }
    let basis = Basis::parse(cell(5)).ok_or_else(|| {
        problem(
            line,
            format!(
                "basis is {:?}; it must be invoice (what was billed) or estimate (a gateway's or tracer's own pricing)",
                cell(5)
            ),
        )
    })?;
    let required = |i: usize, what: &str| -> Result<String, Problem> {
        let v = cell(i);
        if v.is_empty() {
            Err(problem(line, format!("{} is empty; {what}", COLUMNS[i])))
        } else {
            Ok(v.to_string())
        }
    };
    Ok(Row {
        month: m,
        counted,
        item: cell(2).to_string(),
        quantity,
        cost,
        basis,
        source: required(6, "say where the row came from (openai-costs, manual, …)")?,
        key: required(7, "give the row an identity, so a re-import replaces it")?,
    })
}

/// A number as the file writes it: the shortest form that reads back the
/// same (`1234.5`, `0.1`), never an exponent a spreadsheet misreads.
fn cell_of(v: Option<f64>) -> String {
    match v {
        None => String::new(),
        Some(v) if v == v.trunc() && v.abs() < 1e15 => format!("{v:.0}"),
        Some(v) => format!("{v}"),
    }
}

/// The file's text: the header, then the rows sorted by month, category,
/// item and key.
pub fn write(rows: &[Row]) -> String {
    let mut rows = rows.to_vec();
    sort(&mut rows);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(COLUMNS);
    for r in &rows {
        let _ = w.write_record([
            r.month.to_string(),
            r.counted.key().to_string(),
            r.item.clone(),
            cell_of(r.quantity),
            cell_of(r.cost),
            r.basis.key().to_string(),
            r.source.clone(),
            r.key.clone(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "month,category,item,quantity,cost,basis,source,key\n";

    #[test]
    fn rows_read_back_as_written_sorted() {
        let text = format!(
            "{HEAD}2027-02,inference,gpt-5.4-mini,,120.5,invoice,openai-costs,b\n2027-01,requests,,60000,,invoice,manual,a\n"
        );
        let rows = parse(&text).unwrap();
        let written = write(&rows);
        assert!(written.starts_with("month,category"));
        let again = parse(&written).unwrap();
        assert_eq!(again[0].key, "a", "sorted by month");
        assert_eq!(again[1].cost, Some(120.5));
        assert_eq!(write(&again), written);
    }

    #[test]
    fn each_bad_row_is_named_by_its_line() {
        let text = format!(
            "{HEAD}2027-1,inference,,,1,invoice,m,a\n2027-01,food,,,1,invoice,m,b\n2027-01,requests,,5,3,invoice,m,c\n2027-01,inference,,,$3,invoice,m,d\n2027-01,inference,,,3,guess,m,e\n2027-01,inference,,,3,invoice,m,f\n2027-01,inference,,,4,invoice,m,f\n"
        );
        let p = parse(&text).unwrap_err();
        let lines: Vec<u64> = p.iter().map(|x| x.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 8], "{p:?}");
        assert!(p[0].message.contains("YYYY-MM"));
        assert!(p[1].message.contains("requests or a cost line"));
        assert!(p[2].message.contains("requests row has a cost"));
        assert!(p[3].message.contains("not a number"));
        assert!(p[4].message.contains("invoice"));
        assert!(p[5].message.contains("line 7"), "{}", p[5].message);
    }

    #[test]
    fn lines_are_the_files_own_after_crlf_and_blank_lines() {
        let text = "month,category,item,quantity,cost,basis,source,key\r\n\r\n2027-01,inference,,,1,invoice,m,a\r\n2027-01,inference,,,zz,invoice,m,b\r\n";
        let p = parse(text).unwrap_err();
        assert_eq!(p[0].line, 4, "{p:?}");
    }

    #[test]
    fn a_wrong_header_is_refused() {
        let p = parse("month,cost\n2027-01,3\n").unwrap_err();
        assert_eq!(p[0].line, 1);
        assert!(
            p[0].message
                .contains("month,category,item,quantity,cost,basis,source,key")
        );
    }
}
