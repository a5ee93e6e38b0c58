//! The CSV exports as actuals rows (spec actuals.md §2): FOCUS billing data
//! (tax skipped and counted, AI services as inference, the rest as
//! infrastructure) and LiteLLM's spend logs (a gateway's own pricing: rows
//! marked `estimate`, one per month and model, streamed so a million-row
//! log stays in bounded memory). Pure: CSV records in (the caller opens the
//! file), rows out; `line_of` turns a record's byte offset into its line
//! (the csv crate's own line count is off after CRLF and blank lines).

use std::collections::BTreeMap;

use super::actuals_import::{Read, rfc3339_or_plain_month};
use crate::model::Category;
use crate::model::actuals::{Basis, Counted, Row};

/// A refused row: its line and why.
pub type Refused = (u64, String);

fn columns(headers: &csv::StringRecord, want: &[&str], what: &str) -> Result<Vec<usize>, Refused> {
    want.iter()
        .map(|w| {
            headers.iter().position(|h| h.trim() == *w).ok_or_else(|| {
                (
                    1,
                    format!("no {w} column: not {what} (it needs {})", want.join(", ")),
                )
            })
        })
        .collect()
}

fn number(cell: &str, column: &str, line: u64) -> Result<f64, Refused> {
    let v = cell
        .trim()
        .parse::<f64>()
        .map_err(|_| (line, format!("{column} is {cell:?}, not a number")))?;
    if v.is_finite() && v.abs() <= super::actuals_import::LARGEST {
        Ok(v)
    } else {
        Err((
            line,
            format!("{column} is {cell}; it must be a number from −1e15 to 1e15"),
        ))
    }
}

/// A record with the line it starts on, or why it is not a row.
fn with_line(
    record: csv::Result<csv::StringRecord>,
    line_of: &mut dyn FnMut(u64) -> u64,
) -> Result<(csv::StringRecord, u64), Refused> {
    let record = record.map_err(|e| {
        (
            e.position().map_or(0, |p| line_of(p.byte())),
            format!("not a CSV row: {e}"),
        )
    })?;
    let line = record.position().map_or(0, |p| line_of(p.byte()));
    Ok((record, line))
}

/// The records of a CSV export, each with its line.
pub type Records<'a> = &'a mut dyn Iterator<Item = csv::Result<csv::StringRecord>>;

/// FOCUS billing data: `ChargePeriodStart`, `BilledCost`, `BillingCurrency`,
/// `ServiceCategory`, `ServiceName`, `ResourceName`, `ChargeCategory`, `SkuId`.
/// The first refused row stops the read.
pub fn focus(
    headers: &csv::StringRecord,
    records: Records,
    line_of: &mut dyn FnMut(u64) -> u64,
) -> Result<Read, Refused> {
    let want = [
        "ChargePeriodStart",
        "BilledCost",
        "BillingCurrency",
        "ServiceCategory",
        "ServiceName",
        "ResourceName",
        "ChargeCategory",
        "SkuId",
    ];
    let at = columns(headers, &want, "a FOCUS export")?;
    let mut out = Read::default();
    for record in records {
        let (record, line) = with_line(record, line_of)?;
        let cell = |i: usize| record.get(at[i]).unwrap_or("").trim();
        if cell(6).eq_ignore_ascii_case("tax") {
            *out.skipped
                .entry("tax rows (ChargeCategory Tax)".into())
                .or_default() += 1;
            continue;
        }
        let month = rfc3339_or_plain_month(cell(0)).ok_or_else(|| {
            (
                line,
                format!("ChargePeriodStart is {:?}, not a date and time", cell(0)),
            )
        })?;
        let cost = number(cell(1), "BilledCost", line)?;
        let currency = cell(2).to_uppercase();
        if !currency.is_empty() {
            match &out.currency {
                Some(c) if *c != currency => {
                    return Err((
                        line,
                        format!(
                            "BillingCurrency is {currency}, after rows in {c}: import one currency at a time"
                        ),
                    ));
                }
                _ => out.currency = Some(currency),
            }
        }
        let ai = cell(3).eq_ignore_ascii_case("AI and Machine Learning");
        let (category, item) = if ai {
            let item = if cell(5).is_empty() { cell(4) } else { cell(5) };
            (Category::Inference, item)
        } else {
            (Category::Infrastructure, cell(4))
        };
        out.rows.push(Row {
            month,
            counted: Counted::Line(category),
            item: item.to_string(),
            quantity: None,
            cost: Some(cost),
            basis: Basis::Invoice,
            source: "focus".into(),
            key: format!(
                "focus:{}:{}:{}:{}:{line}",
                cell(0),
                cell(4),
                cell(5),
                cell(7)
            ),
        });
    }
    Ok(out)
}

/// LiteLLM's `LiteLLM_SpendLogs` as CSV (`startTime`, `model`, `spend`):
/// summed per month and model, marked `estimate`. Rows are read one at a
/// time: memory grows with the months and models, not with the log.
pub fn litellm(
    headers: &csv::StringRecord,
    records: Records,
    line_of: &mut dyn FnMut(u64) -> u64,
) -> Result<Read, Refused> {
    let at = columns(
        headers,
        &["startTime", "model", "spend"],
        "a LiteLLM spend log",
    )?;
    let mut sums: BTreeMap<(crate::model::prices::YearMonth, String), f64> = BTreeMap::new();
    for record in records {
        let (record, line) = with_line(record, line_of)?;
        let cell = |i: usize| record.get(at[i]).unwrap_or("").trim();
        let month = rfc3339_or_plain_month(cell(0)).ok_or_else(|| {
            (
                line,
                format!("startTime is {:?}, not a date and time", cell(0)),
            )
        })?;
        let spend = if cell(2).is_empty() {
            0.0
        } else {
            number(cell(2), "spend", line)?
        };
        let model = if cell(1).is_empty() {
            "litellm"
        } else {
            cell(1)
        };
        match sums.get_mut(&(month, model.to_string())) {
            Some(v) => *v += spend,
            None => {
                sums.insert((month, model.to_string()), spend);
            }
        }
    }
    let mut out = Read {
        currency: Some("USD".into()),
        ..Read::default()
    };
    out.rows = sums
        .into_iter()
        .map(|((month, model), spend)| Row {
            month,
            counted: Counted::Line(Category::Inference),
            item: model.clone(),
            quantity: None,
            cost: Some(spend),
            basis: Basis::Estimate,
            source: "litellm".into(),
            key: format!("litellm:{month}:{model}"),
        })
        .collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parse =
        fn(&csv::StringRecord, Records, &mut dyn FnMut(u64) -> u64) -> Result<Read, Refused>;

    /// Parses `text` as the runtime does: records, and lines from byte offsets.
    fn with(text: &str, parse: Parse) -> Result<Read, Refused> {
        let mut r = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = r.headers().unwrap().clone();
        // As the runtime counts: newlines up to and at the offset (after a
        // CRLF the offset may point at its `\n`).
        let mut line_of = |byte: u64| {
            let to = (byte as usize + 1).min(text.len());
            1 + text.as_bytes()[..to]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64
        };
        parse(&headers, &mut r.records(), &mut line_of)
    }

    #[test]
    fn focus_skips_tax_counts_it_and_sends_other_services_to_infrastructure() {
        let text = "ChargePeriodStart,BilledCost,BillingCurrency,ServiceCategory,ServiceName,ResourceName,ChargeCategory,SkuId\n\
2027-01-05T00:00:00Z,120.5,USD,AI and Machine Learning,Amazon Bedrock,claude-sonnet-5-5,Usage,s1\n\
2027-01-05T00:00:00Z,30,USD,Compute,Amazon EC2,,Usage,s2\n\
2027-01-31T00:00:00Z,12,USD,Compute,Amazon EC2,,Tax,s3\n\
2027-02-01T00:00:00Z,-20,USD,Compute,Amazon EC2,,Credit,s4\n";
        let r = with(text, focus).unwrap();
        assert_eq!(r.rows.len(), 3);
        assert_eq!(r.rows[0].counted, Counted::Line(Category::Inference));
        assert_eq!(r.rows[0].item, "claude-sonnet-5-5");
        assert_eq!(r.rows[1].counted, Counted::Line(Category::Infrastructure));
        assert_eq!(r.rows[2].cost, Some(-20.0), "a credit");
        assert_eq!(r.skipped.values().sum::<usize>(), 1, "the tax row");
    }

    #[test]
    fn litellm_sums_a_month_per_model_as_estimates() {
        let text = "request_id,startTime,model,spend\n\
a,2027-01-05 10:00:00,gpt-5.4-mini,0.5\n\
b,2027-01-31T23:59:59Z,gpt-5.4-mini,0.25\n\
c,2027-02-01 00:00:00,gpt-5.4-mini,1\n";
        let r = with(text, litellm).unwrap();
        assert_eq!(r.rows.len(), 2);
        assert_eq!(
            (r.rows[0].cost, r.rows[0].basis),
            (Some(0.75), Basis::Estimate)
        );
        assert_eq!(r.rows[0].key, "litellm:2027-01:gpt-5.4-mini");
        let bad = with(
            "startTime,model,spend\n2027-01-05 10:00:00,m,lots\n",
            litellm,
        );
        assert_eq!(bad.unwrap_err().0, 2, "refused with its line");
        // After CRLF and a blank line the line is still the file's own.
        let crlf = with(
            "startTime,model,spend\r\n\r\n2027-01-05 10:00:00,m,0.1\r\n2027-01-05 10:00:00,m,x\r\n",
            litellm,
        );
        assert_eq!(crlf.unwrap_err().0, 4);
    }
}
