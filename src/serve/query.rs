//! A request's query as the command line it stands for: `lr=10&at=3,4`
//! becomes `--lr 10 --at 3,4` after the subcommand, and back again as the
//! shell command a reader can copy.

/// The `key=value` pairs of a query, percent-decoded (`+` is a space), in
/// order; a key without `=` has the value "". A key is a flag's long name:
/// lowercase letters, digits and `-`.
pub fn pairs(query: &str) -> Result<Vec<(String, String)>, String> {
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let key = decode(key)?;
            let good = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
            if key.is_empty() || !key.chars().all(good) || key.starts_with('-') {
                return Err(format!(
                    "'{}' is not a flag's name: the query's keys are long flag names without --, like lr",
                    crate::output::escape_controls(&key)
                ));
            }
            Ok((key, decode(value)?))
        })
        .collect()
}

/// `%XX` and `+` decoded; the bytes must make UTF-8.
pub fn decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or("the query has a % not followed by two hex digits")?;
                out.push(hex);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| "the query's values are not UTF-8".to_string())
}

/// `argv` as one shell command line: each word as it is where the shell
/// would keep it so, else in single quotes (a quote inside as `'\''`).
pub fn shell_line(argv: &[String]) -> String {
    argv.iter()
        .map(|word| shell_word(word))
        .collect::<Vec<_>>()
        .join(" ")
}

fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_@%+=:,./-".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_decodes_into_flags_and_values() {
        let got = pairs("lr=10&at=3%2C4&f=x0%5E2+%2B+x1&no-tangent=true&&title=").unwrap();
        let want = [
            ("lr", "10"),
            ("at", "3,4"),
            ("f", "x0^2 + x1"),
            ("no-tangent", "true"),
            ("title", ""),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(pairs("").unwrap(), vec![]);
    }

    #[test]
    fn bad_keys_and_encodings_are_refused() {
        assert!(pairs("LR=1")
            .unwrap_err()
            .contains("'LR' is not a flag's name"));
        assert!(pairs("--lr=1").is_err() && pairs("=1").is_err());
        assert!(pairs("lr=%zz").unwrap_err().contains("two hex digits"));
        assert!(pairs("lr=%ff").unwrap_err().contains("not UTF-8"));
        assert!(pairs("lr=%4").is_err());
    }

    #[test]
    fn the_command_line_quotes_only_what_the_shell_would_split() {
        let argv: Vec<String> = [
            "numdiff-plot",
            "descent",
            "--f",
            "x0^2 + x1^2",
            "--init",
            "-3,4",
            "--title",
            "it's",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            shell_line(&argv),
            r"numdiff-plot descent --f 'x0^2 + x1^2' --init -3,4 --title 'it'\''s'"
        );
        assert_eq!(shell_word(""), "''");
        assert_eq!(shell_word("*"), "'*'");
    }
}
