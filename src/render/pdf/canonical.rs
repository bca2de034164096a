//! A PDF from svg2pdf put in one canonical form, so that the same drawing
//! gives the same bytes on every run.
//!
//! svg2pdf keeps its fonts and a page's resources in `HashMap`s, whose
//! order changes from process to process: with two fonts (DejaVu Sans and
//! the Japanese fallback) the font objects come in either order, numbered
//! accordingly, and the resource dictionaries list their entries in
//! either order. Here the entries of each resource dictionary are sorted by
//! name, and the objects are numbered in the order a depth-first walk from
//! the trailer (`/Root`, `/Info`) first reaches them, following references
//! in the order they are written. Both depend only on the content.
//!
//! The parser reads what pdf-writer writes: `N 0 obj` … `endobj` blocks, a
//! stream's dictionary opening with its `/Length`, then `xref` and
//! `trailer`. Anything else is an error, never a silent change.

use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;

/// Resource dictionaries whose entries (`/name value`, one a line) svg2pdf
/// writes in any order.
const RESOURCES: [&str; 6] = [
    "/Font <<",
    "/XObject <<",
    "/ExtGState <<",
    "/Pattern <<",
    "/Shading <<",
    "/ColorSpace <<",
];

/// One indirect object: its text (a dictionary or any other value), and
/// for a stream the raw bytes from `stream` to `endstream` inclusive.
struct Object {
    text: String,
    stream: Vec<u8>,
}

/// `pdf` in its canonical form: the same objects, with resource entries
/// sorted and objects numbered by the walk from the trailer.
pub fn canonical(pdf: &[u8]) -> Result<Vec<u8>> {
    let start = find(pdf, b"\n\n", 0).context("no PDF header")? + 2;
    let (objects, trailer) = parse(pdf, start)?;
    let order = walk(&objects, &trailer)?;
    let renumber: BTreeMap<u32, u32> = order
        .iter()
        .zip(1..)
        .map(|(&old, new)| (old, new))
        .collect();
    let mut out = pdf[..start].to_vec();
    let mut offsets = Vec::with_capacity(order.len());
    for old in &order {
        let object = &objects[old];
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", renumber[old]).as_bytes());
        out.extend_from_slice(rewrite_refs(&sort_resources(&object.text), &renumber)?.as_bytes());
        out.extend_from_slice(&object.stream);
        out.extend_from_slice(b"endobj\n\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f\r\n", order.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n\r\n").as_bytes());
    }
    out.extend_from_slice(b"trailer\n");
    out.extend_from_slice(rewrite_refs(&trailer, &renumber)?.as_bytes());
    out.extend_from_slice(format!("startxref\n{xref}\n%%EOF").as_bytes());
    Ok(out)
}

/// The objects by number, and the trailer's dictionary.
fn parse(pdf: &[u8], mut at: usize) -> Result<(BTreeMap<u32, Object>, String)> {
    let mut objects = BTreeMap::new();
    loop {
        while pdf.get(at) == Some(&b'\n') {
            at += 1;
        }
        if pdf[at..].starts_with(b"xref\n") {
            break;
        }
        let header_end = find(pdf, b" 0 obj\n", at).context("an object's header")?;
        let number: u32 = text(&pdf[at..header_end])?
            .parse()
            .context("an object's number")?;
        let body = header_end + b" 0 obj\n".len();
        let object = if pdf[body..].starts_with(b"<<\n  /Length ") {
            let digits = body + b"<<\n  /Length ".len();
            let end = find(pdf, b"\n", digits).context("a stream's length")?;
            let length: usize = text(&pdf[digits..end])?
                .parse()
                .context("a stream's length")?;
            let stream = find(pdf, b">>\nstream\n", body).context("a stream")? + 3;
            let data = stream + b"stream\n".len();
            let end = data + length;
            if !pdf
                .get(end..)
                .is_some_and(|rest| rest.starts_with(b"\nendstream\nendobj\n"))
            {
                bail!("object {number}: the stream does not end where its /Length says");
            }
            at = end + b"\nendstream\nendobj\n".len();
            Object {
                text: text(&pdf[body..stream])?.to_string(),
                stream: pdf[stream..end + b"\nendstream\n".len()].to_vec(),
            }
        } else {
            let end = find(pdf, b"endobj\n", body).context("an object's end")?;
            at = end + b"endobj\n".len();
            Object {
                text: text(&pdf[body..end])?.to_string(),
                stream: Vec::new(),
            }
        };
        if objects.insert(number, object).is_some() {
            bail!("object {number} is written twice");
        }
    }
    let trailer = find(pdf, b"trailer\n", at).context("no trailer")? + b"trailer\n".len();
    let end = find(pdf, b"startxref\n", trailer).context("no startxref")?;
    Ok((objects, text(&pdf[trailer..end])?.to_string()))
}

/// The object numbers in the order a depth-first walk from the trailer's
/// references first reaches them; every object must be reached.
fn walk(objects: &BTreeMap<u32, Object>, trailer: &str) -> Result<Vec<u32>> {
    let mut order = Vec::with_capacity(objects.len());
    let mut seen = std::collections::BTreeSet::new();
    let mut stack: Vec<u32> = refs(trailer).into_iter().rev().collect();
    while let Some(number) = stack.pop() {
        if !seen.insert(number) {
            continue;
        }
        let object = objects
            .get(&number)
            .with_context(|| format!("object {number} is referenced but not written"))?;
        order.push(number);
        stack.extend(refs(&sort_resources(&object.text)).into_iter().rev());
    }
    if order.len() != objects.len() {
        bail!(
            "{} objects are written but not referenced",
            objects.len() - order.len()
        );
    }
    Ok(order)
}

/// The entries of each resource dictionary of `text` sorted by name.
fn sort_resources(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split_inclusive('\n');
    while let Some(line) = lines.next() {
        out.push_str(line);
        if !RESOURCES.iter().any(|key| line.trim() == *key) {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let mut entries = Vec::new();
        for entry in lines.by_ref() {
            if entry.trim() == ">>" && entry.len() - entry.trim_start().len() == indent {
                entries.sort_unstable();
                out.extend(entries.drain(..));
                out.push_str(entry);
                break;
            }
            entries.push(entry);
        }
        // An unclosed dictionary: its lines as they were.
        out.extend(entries);
    }
    out
}

/// The references `N 0 R` of `text`, in order.
fn refs(text: &str) -> Vec<u32> {
    let mut found = Vec::new();
    scan_refs(text, |number| {
        found.push(number);
        number
    });
    found
}

/// `text` with each reference `N 0 R` renumbered.
fn rewrite_refs(text: &str, renumber: &BTreeMap<u32, u32>) -> Result<String> {
    let mut missing = None;
    let out = scan_refs(text, |number| {
        renumber.get(&number).copied().unwrap_or_else(|| {
            missing = Some(number);
            number
        })
    });
    match missing {
        Some(number) => bail!("object {number} is referenced but not written"),
        None => Ok(out),
    }
}

/// `text` with the number of each reference `N 0 R` replaced by `f(N)`: a
/// whole number, not part of a name or another number, then ` 0 R` and a
/// delimiter.
fn scan_refs(text: &str, mut f: impl FnMut(u32) -> u32) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'.' | b'-' | b'/' | b'#')));
        if starts {
            let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let tail = &bytes[end..];
            let is_ref =
                tail.starts_with(b" 0 R") && tail.get(4).is_none_or(|b| !b.is_ascii_alphanumeric());
            if let (true, Ok(number)) = (is_ref, text[i..end].parse::<u32>()) {
                out.push_str(&f(number).to_string());
                out.push_str(" 0 R");
                i = end + 4;
                continue;
            }
            out.push_str(&text[i..end]);
            i = end;
            continue;
        }
        let next = i + text[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&text[i..next]);
        i = next;
    }
    out
}

/// Where `needle` first occurs in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Bytes that pdf-writer wrote as text.
fn text(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes).context("an object's dictionary is not text")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_and_renumbered_but_not_numbers() {
        let text = "<<\n  /Kids [5 0 R 12 0 R]\n  /W [1 [500 0] 3 0 Rx]\n  /BBox [-1 0 10 0]\n>>\n";
        assert_eq!(refs(text), [5, 12]);
        let renumber = BTreeMap::from([(5, 1), (12, 2)]);
        assert_eq!(
            rewrite_refs(text, &renumber).unwrap(),
            "<<\n  /Kids [1 0 R 2 0 R]\n  /W [1 [500 0] 3 0 Rx]\n  /BBox [-1 0 10 0]\n>>\n"
        );
    }

    #[test]
    fn resource_entries_are_sorted_by_name() {
        let text = "<<\n  /Font <<\n    /fo1 2 0 R\n    /fo0 1 0 R\n  >>\n  /Kids [b a]\n>>\n";
        assert_eq!(
            sort_resources(text),
            "<<\n  /Font <<\n    /fo0 1 0 R\n    /fo1 2 0 R\n  >>\n  /Kids [b a]\n>>\n"
        );
    }
}
