//! The providers' cost exports as actuals rows (spec actuals.md §2): the
//! OpenAI Costs API (`amount.value` in dollars, a number or a string;
//! buckets by Unix seconds) and the Anthropic cost report (`amount` a
//! decimal string in **cents**; buckets by RFC 3339). Pure: text in, rows
//! out; each page is one text, and rows with the same key are summed.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::Category;
use crate::model::actuals::{Basis, Counted, Row};
use crate::model::prices::YearMonth;

/// The UTC calendar day of a Unix time in seconds: (year, month, day).
fn civil_day(secs: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-from-civil, inverted.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `2027-01-05` from an RFC 3339 timestamp's date, already UTC (`Z`) or with
/// an offset (taken back to UTC).
fn rfc3339_day(s: &str) -> Option<(i64, u32, u32)> {
    let t = chrono_like(s)?;
    Some(civil_day(t))
}

/// Seconds since the epoch of an RFC 3339 time: `2027-01-05T00:00:00Z`,
/// `…+02:00`, fractional seconds allowed.
fn chrono_like(s: &str) -> Option<i64> {
    let s = s.trim();
    let (date, rest) = s.split_once(['T', ' '])?;
    let mut d = date.split('-');
    let (y, mo, da): (i64, i64, i64) = (
        d.next()?.parse().ok()?,
        d.next()?.parse().ok()?,
        d.next()?.parse().ok()?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&da) {
        return None;
    }
    let (clock, offset) = if let Some(c) = rest.strip_suffix('Z').or_else(|| rest.strip_suffix('z'))
    {
        (c, 0)
    } else if let Some(i) = rest.rfind(['+', '-']) {
        let (c, o) = rest.split_at(i);
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let (oh, om) = o[1..].split_once(':')?;
        (
            c,
            sign * (oh.parse::<i64>().ok()? * 3600 + om.parse::<i64>().ok()? * 60),
        )
    } else {
        (rest, 0)
    };
    let mut c = clock.split(':');
    let h: i64 = c.next()?.parse().ok()?;
    let mi: i64 = c.next()?.parse().ok()?;
    let se: f64 = c.next().unwrap_or("0").parse().ok()?;
    // Days from civil (Howard Hinnant).
    let yy = if mo <= 2 { y - 1 } else { y };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + da - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + se as i64 - offset)
}

/// The UTC day of an RFC 3339 time or of a bare date.
fn rfc3339_or_plain_day(s: &str) -> Option<(i64, u32, u32)> {
    let s = s.trim();
    if s.len() == 10 {
        rfc3339_day(&format!("{s}T00:00:00Z"))
    } else {
        rfc3339_day(s)
    }
}

/// The UTC calendar month of an RFC 3339 time, of `YYYY-MM-DD HH:MM:SS`
/// (taken as UTC) or of a bare date.
pub fn rfc3339_or_plain_month(s: &str) -> Option<YearMonth> {
    rfc3339_or_plain_day(s).map(month_of)
}

/// A bucket's `results` (none when absent: an empty bucket is normal).
fn results(bucket: &Value) -> Vec<Value> {
    bucket
        .get("results")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

/// The largest amount a row may carry (the actuals file's bound).
pub const LARGEST: f64 = 1e15;

/// An amount given as a number or as a string (`"0.06"`): `Ok(None)` when
/// it is absent or null, refused when it is there but not a number within
/// the bound (money is never dropped in silence).
fn amount(v: Option<&Value>, at: &str) -> Result<Option<f64>, String> {
    let x = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => s.trim().parse::<f64>().ok(),
        Some(_) => None,
    };
    match x {
        Some(x) if x.is_finite() && x.abs() <= LARGEST => Ok(Some(x)),
        _ => Err(format!(
            "{at} is {}; it must be a number from −1e15 to 1e15",
            v.map_or(String::new(), |v| v.to_string())
        )),
    }
}

/// What one page held besides its rows.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Read {
    pub rows: Vec<Row>,
    /// The currency the export states (upper case), when it states one.
    pub currency: Option<String>,
    /// Results without a usable amount or time: (why, count).
    pub skipped: BTreeMap<String, usize>,
}

fn page(text: &str, what: &str) -> Result<Vec<Value>, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    match v.get("data") {
        Some(Value::Array(d)) => Ok(d.clone()),
        _ => Err(format!(
            "no \"data\" array: not a page of {what} (save the response of the API as it comes)"
        )),
    }
}

fn add(rows: &mut BTreeMap<String, Row>, row: Row) {
    match rows.get_mut(&row.key) {
        Some(r) => r.cost = Some(r.cost.unwrap_or(0.0) + row.cost.unwrap_or(0.0)),
        None => {
            rows.insert(row.key.clone(), row);
        }
    }
}

fn day_text((y, m, d): (i64, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn month_of((y, m, _): (i64, u32, u32)) -> YearMonth {
    YearMonth {
        year: y as i32,
        month: m,
    }
}

/// A page of `GET /v1/organization/costs`.
pub fn openai_costs(text: &str) -> Result<Read, String> {
    let mut out = Read::default();
    let mut rows = BTreeMap::new();
    for (b, bucket) in page(text, "the OpenAI Costs API")?.into_iter().enumerate() {
        let Some(start) = bucket.get("start_time").and_then(Value::as_i64) else {
            return Err(format!(
                "data[{b}].start_time is {}; it must be Unix seconds",
                bucket
                    .get("start_time")
                    .map_or("missing".into(), |v| v.to_string())
            ));
        };
        let day = civil_day(start);
        for (i, r) in results(&bucket).into_iter().enumerate() {
            let at = format!("data[{b}].results[{i}].amount.value");
            let Some(value) = amount(r.get("amount").and_then(|a| a.get("value")), &at)? else {
                *out.skipped
                    .entry("a result without amount.value".into())
                    .or_default() += 1;
                continue;
            };
            if let Some(c) = r
                .get("amount")
                .and_then(|a| a.get("currency"))
                .and_then(Value::as_str)
            {
                out.currency = Some(c.to_uppercase());
            }
            let line = r.get("line_item").and_then(Value::as_str);
            let item = match line {
                None => "openai".to_string(),
                Some(l) => l.split_once(", ").map_or(l, |(m, _)| m).trim().to_string(),
            };
            let project = r.get("project_id").and_then(Value::as_str).unwrap_or("");
            add(
                &mut rows,
                Row {
                    month: month_of(day),
                    counted: Counted::Line(Category::Inference),
                    item,
                    quantity: None,
                    cost: Some(value),
                    basis: Basis::Invoice,
                    source: "openai-costs".into(),
                    key: format!(
                        "openai-costs:{}:{}:{project}",
                        day_text(day),
                        line.unwrap_or("")
                    ),
                },
            );
        }
    }
    out.rows = rows.into_values().collect();
    Ok(out)
}

/// A page of `GET /v1/organizations/cost_report`: amounts are decimal
/// strings in cents (`"240.00"` is $2.40).
pub fn anthropic_cost(text: &str) -> Result<Read, String> {
    let mut out = Read::default();
    let mut rows = BTreeMap::new();
    for (b, bucket) in page(text, "the Anthropic cost report")?
        .into_iter()
        .enumerate()
    {
        let given = bucket.get("starting_at").and_then(Value::as_str);
        let Some(day) = given.and_then(rfc3339_or_plain_day) else {
            return Err(format!(
                "data[{b}].starting_at is {}; it must be an RFC 3339 time, e.g. 2027-01-05T00:00:00Z",
                bucket
                    .get("starting_at")
                    .map_or("missing".into(), |v| v.to_string())
            ));
        };
        for (i, r) in results(&bucket).into_iter().enumerate() {
            let at = format!("data[{b}].results[{i}].amount");
            let Some(cents) = amount(r.get("amount"), &at)? else {
                *out.skipped
                    .entry("a result without amount".into())
                    .or_default() += 1;
                continue;
            };
            if let Some(c) = r.get("currency").and_then(Value::as_str) {
                out.currency = Some(c.to_uppercase());
            }
            let kind = r
                .get("cost_type")
                .and_then(Value::as_str)
                .unwrap_or("tokens");
            let category = match kind {
                "web_search" | "code_execution" => Category::Tools,
                _ => Category::Inference,
            };
            let item = r
                .get("model")
                .and_then(Value::as_str)
                .filter(|m| !m.is_empty())
                .unwrap_or("anthropic")
                .to_string();
            let description = r.get("description").and_then(Value::as_str).unwrap_or(kind);
            let workspace = r.get("workspace_id").and_then(Value::as_str).unwrap_or("");
            add(
                &mut rows,
                Row {
                    month: month_of(day),
                    counted: Counted::Line(category),
                    item,
                    quantity: None,
                    cost: Some(cents / 100.0),
                    basis: Basis::Invoice,
                    source: "anthropic-cost".into(),
                    key: format!("anthropic-cost:{}:{description}:{workspace}", day_text(day)),
                },
            );
        }
    }
    out.rows = rows.into_values().collect();
    Ok(out)
}

/// The plan's model a provider's name stands for: the same id once a
/// provider prefix (`openai/`) and a date suffix (`-2026-03-17`,
/// `-20250514`) are taken off, or an alias the catalog lists for it.
pub fn match_model(
    name: &str,
    plan_ids: &[String],
    aliases: &[(String, Vec<String>)],
) -> Option<String> {
    let bare = |s: &str| -> String {
        let s = s.rsplit('/').next().unwrap_or(s).to_lowercase();
        strip_date(&s).to_string()
    };
    let want = bare(name);
    if let Some(id) = plan_ids.iter().find(|id| bare(id) == want) {
        return Some(id.clone());
    }
    aliases
        .iter()
        .find(|(id, al)| plan_ids.contains(id) && al.iter().any(|a| bare(a) == want))
        .map(|(id, _)| id.clone())
}

/// `gpt-5.4-mini-2026-03-17` → `gpt-5.4-mini`; `claude-x-20250514` → `claude-x`.
fn strip_date(s: &str) -> &str {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.rsplitn(4, '-').collect();
    // -YYYY-MM-DD
    if parts.len() == 4
        && parts[2].len() == 4
        && parts[1].len() == 2
        && parts[0].len() == 2
        && digits(parts[0])
        && digits(parts[1])
        && digits(parts[2])
    {
        return parts[3];
    }
    // -YYYYMMDD
    if let Some((head, tail)) = s.rsplit_once('-')
        && tail.len() == 8
        && digits(tail)
    {
        return head;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_and_rfc3339_land_on_the_utc_day() {
        assert_eq!(civil_day(0), (1970, 1, 1));
        // 2027-01-31T23:59:59Z and the second after it.
        assert_eq!(civil_day(1_801_439_999), (2027, 1, 31));
        assert_eq!(civil_day(1_801_440_000), (2027, 2, 1));
        assert_eq!(rfc3339_day("2027-02-01T00:00:00Z"), Some((2027, 2, 1)));
        // 01:00 at +02:00 is still the previous UTC day.
        assert_eq!(
            rfc3339_day("2027-02-01T01:00:00+02:00"),
            Some((2027, 1, 31))
        );
        assert_eq!(chrono_like("2027-02-01T00:00:00Z"), Some(1_801_440_000));
    }

    #[test]
    fn dated_and_prefixed_names_match_the_plans_model() {
        let ids = vec!["gpt-5.4-mini".to_string(), "claude-sonnet-5-5".to_string()];
        for (name, id) in [
            ("gpt-5.4-mini-2026-03-17", "gpt-5.4-mini"),
            ("openai/gpt-5.4-mini", "gpt-5.4-mini"),
            ("claude-sonnet-5-5-20260901", "claude-sonnet-5-5"),
            ("GPT-5.4-mini", "gpt-5.4-mini"),
        ] {
            assert_eq!(match_model(name, &ids, &[]).as_deref(), Some(id), "{name}");
        }
        assert_eq!(match_model("gpt-4o", &ids, &[]), None);
        let aliases = vec![("gpt-5.4-mini".to_string(), vec!["mini-latest".to_string()])];
        assert_eq!(
            match_model("mini-latest", &ids, &aliases).as_deref(),
            Some("gpt-5.4-mini")
        );
    }
}
