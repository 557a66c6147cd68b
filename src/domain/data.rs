//! Reading the data files the editors publish under `public/data/`. One
//! owner: the app, the tests and any build step read a file through
//! [`parse`], so a file that breaks a rule is refused wherever it is read,
//! with its path and field in the message.

use serde::de::DeserializeOwned;

/// A data file: where it lives and the rules its content must keep.
pub trait DataFile: DeserializeOwned + 'static {
    /// The path relative to the site root, for example `data/event.json`.
    const PATH: &'static str;

    /// Every rule the content breaks, each as `field: what is wrong`.
    fn problems(&self) -> Vec<String>;
}

/// Parses a data file and checks its rules. The error names the file on
/// every line: `data/floorplan.json: stands[3] (A12).id: used by more than
/// one stand`, one line per problem; a syntax error keeps serde's
/// "line N column M".
pub fn parse<T: DataFile>(text: &str) -> Result<T, String> {
    let value: T = serde_json::from_str(text).map_err(|e| format!("{}: {e}", T::PATH))?;
    let problems = value.problems();
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(problems
            .iter()
            .map(|p| format!("{}: {p}", T::PATH))
            .collect::<Vec<_>>()
            .join("\n"))
    }
}

/// The longest id a data file may use (stands, halls, stand types, extras).
const MAX_ID_LEN: usize = 16;

/// What is wrong with an id, if anything. Ids appear in the interface, in
/// DOM ids and in the organiser's e-mail, so they are short and plain:
/// ASCII letters, digits, `-`, `_` and `.`. That refuses whitespace, markup
/// and invisible bidi controls (U+202E would reverse the text around it).
fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("must not be empty".into());
    }
    if let Some(c) = id
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Some(format!(
            "`{}` holds {}: use only ASCII letters, digits, '-', '_' and '.'",
            id.escape_debug(),
            char_name(c)
        ));
    }
    (id.len() > MAX_ID_LEN).then(|| format!("`{id}` is longer than {MAX_ID_LEN} characters"))
}

/// Adds `"{field}: {problem}"` to `out` when `id` is not a valid id.
pub fn check_id(field: &str, id: &str, out: &mut Vec<String>) {
    if let Some(p) = id_problem(id) {
        out.push(format!("{field}: {p}"));
    }
}

/// A character as a reader can see it in a message: printable ones quoted,
/// invisible ones and whitespace by code point (`U+202E`).
pub fn char_name(c: char) -> String {
    if c.is_whitespace() || c.is_control() || c.escape_debug().count() > 1 || is_format(c) {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}'")
    }
}

/// Invisible formatting characters that `escape_debug` may print as they are.
fn is_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// Whether `url` is an `https://` URL with a host: `javascript:`, `data:`,
/// `http:` and `https://` without a host are refused, and so is any space
/// or control character.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once(':').map_or(authority, |(h, port)| {
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            h
        } else {
            authority
        }
    });
    !host.is_empty()
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_format(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_is_named_as_a_reader_can_see_it() {
        assert_eq!(char_name('a'), "'a'");
        assert_eq!(char_name('ع'), "'ع'");
        // Invisible ones and whitespace by code point, whichever test finds them.
        assert_eq!(char_name(' '), "U+0020");
        assert_eq!(char_name('\u{7}'), "U+0007");
        assert_eq!(char_name('\u{202E}'), "U+202E");
        assert_eq!(char_name('\u{200B}'), "U+200B");
        assert_eq!(char_name('\u{061C}'), "U+061C");
        // A combining mark alone would attach itself to the quote.
        assert_eq!(char_name('\u{301}'), "U+0301");
    }

    #[test]
    fn ids_are_short_and_plain() {
        for ok in [
            "A01",
            "socket-5a",
            "hall_2",
            "B.12",
            "x",
            "ABCDEFGHIJKLMNOP",
        ] {
            assert_eq!(id_problem(ok), None, "{ok}");
        }
        assert_eq!(id_problem(""), Some("must not be empty".into()));
        assert!(id_problem("ABCDEFGHIJKLMNOPQ")
            .unwrap()
            .contains("longer than 16"));
        let bidi = id_problem("A1\u{202E}2").unwrap();
        assert!(bidi.contains("U+202E"), "{bidi}");
        assert!(!bidi.contains('\u{202E}'), "{bidi}");
        assert!(id_problem("A 1").unwrap().contains("U+0020"));
        assert!(id_problem("<b>").unwrap().contains("'<'"));
        assert!(id_problem("١٢").is_some());
    }

    #[test]
    fn only_https_urls_with_a_host_pass() {
        for ok in [
            "https://www.ufi.org",
            "https://example.ly/path?q=1#x",
            "https://example.ly:8443/",
        ] {
            assert!(is_https_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "http://example.ly",
            "https://",
            "https:///path",
            "https://:443/",
            "https://exa mple.ly",
            // A port that is no number, a space, a control or an invisible
            // character anywhere in the address.
            "https://example.ly:/",
            "https://example.ly:abc/",
            "https://example.ly/a b",
            "https://example.ly/a\u{7}",
            "https://example.ly/\u{200B}",
            "https://evil\u{202E}.ly",
            "https://user@example.ly",
            "HTTPS://example.ly",
            "//example.ly",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }
}
