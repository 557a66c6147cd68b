//! Booking texts built from domain values (stand ids, areas, amounts,
//! dates), in both languages side by side. Ids and amounts keep Western
//! digits (Libya writes them) and are isolated inside Arabic by [`fill`].

use super::{fill, isolate, Count, Msg};
use crate::domain::booking::event::Event;
use crate::domain::booking::money::{area_text, Money};
use crate::domain::booking::plan::Status;
use crate::domain::booking::quote::{Line, QuantityError, Violation};
use crate::domain::booking::request::{
    FieldError, Kind, StandRequest, MAX_PHONE_DIGITS, MIN_PHONE_DIGITS,
};
use crate::domain::data::char_name;
use crate::domain::Lang;

/// One sentence in both languages with its values filled in.
fn say(lang: Lang, en: &str, ar: &str, args: &[(&str, &str)]) -> String {
    let template = match lang {
        Lang::En => en,
        Lang::Ar => ar,
    };
    fill(template, lang, args)
}

fn both(lang: Lang, en: &'static str, ar: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ar => ar,
    }
}

pub fn status_name(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Available => both(lang, "Available", "متاح"),
        Status::OnHold => both(lang, "On hold", "محجوز مؤقتاً"),
        Status::Reserved => both(lang, "Reserved", "محجوز"),
        Status::Sold => both(lang, "Sold", "مباع"),
        Status::Blocked => both(lang, "Not for sale", "غير متاح للبيع"),
    }
}

/// Why a stand that is not available cannot be chosen.
pub fn status_reason(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Available => both(
            lang,
            "You can choose this stand.",
            "يمكنك اختيار هذا الجناح.",
        ),
        Status::OnHold => both(
            lang,
            "Held for another exhibitor until they confirm.",
            "محجوز مؤقتاً لعارض آخر حتى يؤكد.",
        ),
        Status::Reserved => both(lang, "Reserved by another exhibitor.", "محجوز لعارض آخر."),
        Status::Sold => both(lang, "Already sold.", "تم بيعه."),
        Status::Blocked => both(lang, "Not for sale.", "غير متاح للبيع."),
    }
}

pub fn kind_name(event: &Event, kind: &str, lang: Lang) -> String {
    event
        .stand_type(kind)
        .map(|t| t.name.show_or_empty(lang).text.to_string())
        .unwrap_or_else(|| kind.to_string())
}

fn extra_name(event: &Event, extra: &str, lang: Lang) -> String {
    event
        .extra(extra)
        .map(|e| e.name.show_or_empty(lang).text.to_string())
        .unwrap_or_else(|| extra.to_string())
}

/// "2 open sides (corner)": the count in its plural form, then what a stand
/// with that many open sides is called.
pub fn sides_text(n: u8, lang: Lang) -> String {
    let layout = match n {
        0 | 1 => both(lang, "row", "صف"),
        2 => both(lang, "corner", "زاوية"),
        3 => both(lang, "peninsula", "شبه جزيرة"),
        _ => both(lang, "island", "جزيرة"),
    };
    format!("{} ({layout})", Count::OpenSides.get(lang, n.into(), &[]))
}

/// "3 × 3 m", or with `area` "3 × 3 m = 9 m²", in the language's unit.
pub fn dimensions(w: &str, d: &str, area: Option<&str>, lang: Lang) -> String {
    match area {
        None => Msg::Dimensions.with(lang, &[("w", w), ("d", d)]),
        Some(area) => Msg::DimensionsArea.with(lang, &[("w", w), ("d", d), ("area", area)]),
    }
}

/// "9 m²" / "9 م²".
pub fn area_m2(area: &str, lang: Lang) -> String {
    Msg::AreaM2.with(lang, &[("area", area)])
}

/// A list of names joined as the language joins them ("A and B", "A وB").
fn and_list(items: &[String], lang: Lang) -> String {
    items.join(both(lang, " and ", " و"))
}

pub fn violation_text(v: &Violation, event: &Event, lang: Lang) -> String {
    match v {
        Violation::NoStand => {
            both(lang, "Choose at least one stand.", "اختر جناحاً واحداً على الأقل.").into()
        }
        Violation::UnknownStand { stand } => say(
            lang,
            "Stand {stand} is no longer on the plan.",
            "الجناح {stand} لم يعد في المخطط.",
            &[("stand", stand)],
        ),
        Violation::Unavailable { stand, status } => say(
            lang,
            "Stand {stand} cannot be chosen: {reason}",
            "لا يمكن اختيار الجناح {stand}: {reason}",
            &[("stand", stand), ("reason", status_reason(*status, lang))],
        ),
        Violation::BelowMinimum {
            kind,
            stands,
            area_dm2,
            min_m2,
        } => {
            let list = stands.join(" + ");
            let area = area_text(*area_dm2);
            let measure = Count::StandsMeasure.get(
                lang,
                stands.len() as u64,
                &[("list", &list), ("area", &area)],
            );
            say(
                lang,
                "{kind} stands need at least {min} m². {measure}: add an adjacent stand of the same type, or choose a larger one.",
                "تحتاج أجنحة «{kind}» إلى {min} م² على الأقل. {measure}: أضف جناحاً ملاصقاً من النوع نفسه أو اختر جناحاً أكبر.",
                &[
                    ("kind", &kind_name(event, kind, lang)),
                    ("min", &min_m2.to_string()),
                    ("measure", &measure),
                ],
            )
        }
        Violation::MixedTypes { kinds } => {
            let names: Vec<String> = kinds.iter().map(|k| kind_name(event, k, lang)).collect();
            say(
                lang,
                "One request covers one stand type; you chose {kinds}. Send a separate request for each type.",
                "يشمل الطلب الواحد نوعاً واحداً من الأجنحة؛ اخترت {kinds}. أرسل طلباً منفصلاً لكل نوع.",
                &[("kinds", &and_list(&names, lang))],
            )
        }
        Violation::UnknownType { stand, kind } => say(
            lang,
            "Stand {stand} cannot be priced: the plan gives it the type “{kind}”, which the event's terms do not list. Please tell the organiser.",
            "لا يمكن تسعير الجناح {stand}: نوعه في المخطط «{kind}» غير موجود في شروط المعرض. يرجى إبلاغ الجهة المنظمة.",
            &[("stand", stand), ("kind", kind)],
        ),
        Violation::TooMany { max } => Count::MaxStands.get(lang, *max as u64, &[]),
        Violation::UnknownExtra { extra } => say(
            lang,
            "The extra “{extra}” is no longer offered.",
            "الإضافة «{extra}» لم تعد متاحة.",
            &[("extra", extra)],
        ),
        Violation::TooManyOfExtra { extra, max } => say(
            lang,
            "{extra}: at most {max}.",
            "{extra}: {max} كحد أقصى.",
            &[("extra", &extra_name(event, extra, lang)), ("max", &max.to_string())],
        ),
        Violation::ExtrasClosed { deadline } => say(
            lang,
            "Extras could be ordered until {date}; please remove them and ask the organiser.",
            "كان طلب الإضافات متاحاً حتى {date}؛ يرجى إزالتها ومراسلة الجهة المنظمة.",
            &[("date", &deadline.long(lang))],
        ),
        Violation::BookingClosed { last_day } => say(
            lang,
            "Booking for this edition is closed: stand requests were taken until {date}. Please contact the organiser.",
            "انتهى حجز الأجنحة لهذه الدورة: كانت الطلبات مقبولة حتى {date}. يرجى التواصل مع الجهة المنظمة.",
            &[("date", &last_day.long(lang))],
        ),
        Violation::AmountTooLarge => both(
            lang,
            "This choice comes to an amount too large to price here. Please contact the organiser.",
            "يبلغ هذا الاختيار مبلغاً أكبر من أن يُحسب هنا. يرجى التواصل مع الجهة المنظمة.",
        )
        .into(),
    }
}

/// The description of a quote line, for example "Stand A01 · Shell: 9 m² × EUR 340.00 per m²".
pub fn line_text(line: &Line, event: &Event, lang: Lang) -> String {
    let cur = &event.currency;
    match line {
        Line::Space {
            stand,
            kind,
            area_dm2,
            rate,
            ..
        } => say(
            lang,
            "Stand {stand} · {kind}: {area}\u{a0}m² × {rate} per m²",
            "الجناح {stand} · {kind}: {area}\u{a0}م² × {rate} للمتر المربع",
            &[
                ("stand", stand),
                ("kind", &kind_name(event, kind, lang)),
                ("area", &area_text(*area_dm2)),
                ("rate", &rate.with_currency(cur)),
            ],
        ),
        Line::OpenSides {
            stand,
            open_sides,
            rate,
            ..
        } => say(
            lang,
            "Stand {stand}: {sides} (+{rate} %)",
            "الجناح {stand}: {sides} (+{rate} %)",
            &[
                ("stand", stand),
                ("sides", &sides_text(*open_sides, lang)),
                ("rate", &rate.text()),
            ],
        ),
        Line::Extra {
            extra,
            quantity,
            unit_price,
            ..
        } => say(
            lang,
            "{extra} × {n} · {price}",
            "{extra} × {n} · {price}",
            &[
                ("extra", &extra_name(event, extra, lang)),
                ("n", &quantity.to_string()),
                ("price", &unit_price.with_currency(cur)),
            ],
        ),
    }
}

/// Why a typed quantity was not taken, and what is kept instead.
pub fn quantity_error_text(e: QuantityError, kept: u32, lang: Lang) -> String {
    let kept = kept.to_string();
    match e {
        QuantityError::NotWhole => say(
            lang,
            "Extras come in whole numbers: the quantity stays at {kept}.",
            "تُطلب الإضافات بأعداد صحيحة: تبقى الكمية {kept}.",
            &[("kept", &kept)],
        ),
        QuantityError::Negative => say(
            lang,
            "A quantity cannot be below 0: it stays at {kept}.",
            "لا يمكن أن تقل الكمية عن 0: تبقى {kept}.",
            &[("kept", &kept)],
        ),
        QuantityError::OverMax(max) => say(
            lang,
            "At most {max} of this extra: the quantity stays at {kept}.",
            "{max} كحد أقصى من هذه الإضافة: تبقى الكمية {kept}.",
            &[("max", &max.to_string()), ("kept", &kept)],
        ),
        QuantityError::NotANumber => say(
            lang,
            "Enter a number: the quantity stays at {kept}.",
            "أدخل رقماً: تبقى الكمية {kept}.",
            &[("kept", &kept)],
        ),
    }
}

/// A list filter that could not be read: it is not applied, and says so.
pub fn filter_error_text(lang: Lang) -> String {
    say(
        lang,
        "Enter a number such as {example} (up to two decimals): this filter is not applied.",
        "أدخل رقماً مثل {example} (حتى منزلتين عشريتين): لم يُطبَّق هذا المرشح.",
        &[("example", "12.5")],
    )
}

/// An extra as a person reads it: "2 × Chair".
pub fn extra_item(event: &Event, extra: &str, quantity: u32, lang: Lang) -> String {
    Msg::KitItem.with(
        lang,
        &[
            ("n", &quantity.to_string()),
            ("name", &extra_name(event, extra, lang)),
        ],
    )
}

pub fn field_error_text(e: FieldError, lang: Lang) -> String {
    let digits = |n: usize| Count::Digits.get(lang, n as u64, &[]);
    match e {
        FieldError::Required => both(lang, "Please fill this in.", "يرجى تعبئة هذا الحقل.").into(),
        // "At most 30 characters. 35 / 30": how much to take out.
        FieldError::TooLong { max, typed } => format!(
            "{} {}",
            Count::MaxChars.get(lang, max as u64, &[]),
            isolate(&format!("{typed} / {max}"), lang)
        ),
        FieldError::Email => say(
            lang,
            "Enter an e-mail address such as {example}.",
            "أدخل بريداً إلكترونياً مثل {example}.",
            &[("example", "name@company.com")],
        ),
        FieldError::PhoneCode => say(
            lang,
            "Enter a country code such as {example}.",
            "أدخل رمز دولة مثل {example}.",
            &[("example", "+218")],
        ),
        FieldError::PhoneTooFewDigits(n) => say(
            lang,
            "This number has {typed}; a phone number has at least {min}.",
            "يحتوي هذا الرقم على {typed}؛ ويجب ألا يقل رقم الهاتف عن {min}.",
            &[("typed", &digits(n)), ("min", &digits(MIN_PHONE_DIGITS))],
        ),
        FieldError::PhoneTooManyDigits(n) => say(
            lang,
            "This number has {typed}; a phone number has at most {max} without the country code.",
            "يحتوي هذا الرقم على {typed}؛ ويجب ألا يزيد رقم الهاتف على {max} دون رمز الدولة.",
            &[("typed", &digits(n)), ("max", &digits(MAX_PHONE_DIGITS))],
        ),
        FieldError::PhoneChar(c) => say(
            lang,
            "{c} cannot be part of a phone number: use digits, with spaces, dashes, dots or brackets between them.",
            "لا يمكن أن يحتوي رقم الهاتف على {c}: استخدم الأرقام، مع مسافات أو شرطات أو نقاط أو أقواس بينها.",
            &[("c", &char_name(c))],
        ),
        FieldError::PhoneHasCode => say(
            lang,
            "Put the country code in the code field, or leave a space after it (for example {example}).",
            "ضع رمز الدولة في خانة الرمز، أو اترك مسافة بعده (مثلاً {example}).",
            &[("example", "+44 20 7946 0958")],
        ),
        FieldError::NeedsLatin => {
            both(lang, "Write the English name in Latin letters.", "اكتب الاسم الإنجليزي بحروف لاتينية.").into()
        }
        FieldError::NeedsArabic => {
            both(lang, "Write the Arabic name in Arabic letters.", "اكتب الاسم العربي بحروف عربية.").into()
        }
        FieldError::MustAccept => {
            both(lang, "Please confirm that you have read the terms.", "يرجى تأكيد قراءة الشروط.").into()
        }
    }
}

/// An amount in Libyan dinars as each language writes it: "LYD 1,234.50",
/// "1,234.50 د.ل". `amount` is already written with its digits.
pub fn dinars(amount: &str, lang: Lang) -> String {
    say(
        lang,
        "LYD\u{a0}{amount}",
        "{amount}\u{a0}د.ل",
        &[("amount", amount)],
    )
}

/// "EUR 1,234.00" for amounts in the interface.
pub fn money(event: &Event, m: Money) -> String {
    m.with_currency(&event.currency)
}

/// One line of the organiser's e-mail, "Label: value"; left out when empty.
fn mail_row(lines: &mut Vec<String>, lang: Lang, label: Msg, value: &str) {
    if !value.trim().is_empty() {
        lines.push(format!("{}: {}", label.get(lang), isolate(value, lang)));
    }
}

/// The organiser's e-mail: the request in English, then in Arabic, then the
/// event's name. The form's fields come as its description gives them, long
/// texts (notes) after the figures; extras are named as the exhibitor saw
/// them, dates written out, and optional fields left empty are left out.
pub fn request_email(r: &StandRequest, event: &Event) -> String {
    let money = |m: Money| m.with_currency(&r.quote.currency);
    let (long, short): (Vec<_>, Vec<_>) = r
        .form
        .summary()
        .into_iter()
        .partition(|(f, _)| f.kind() == Kind::Multiline);
    let part = |lang: Lang| {
        let mut lines = vec![
            Msg::MailTitle.with(
                lang,
                &[("reference", &r.reference), ("date", &r.created.long(lang))],
            ),
            Msg::MailIntro.get(lang).to_string(),
            String::new(),
        ];
        let extras: Vec<String> = r
            .choice
            .extras
            .iter()
            .map(|(id, q)| extra_item(event, id, *q, lang))
            .collect();
        for (f, value) in &short {
            mail_row(&mut lines, lang, f.spec().mail_label, value);
        }
        mail_row(
            &mut lines,
            lang,
            Msg::MailStands,
            &r.choice.stands.join(", "),
        );
        mail_row(
            &mut lines,
            lang,
            Msg::Extras,
            &extras.join(Msg::ListSep.get(lang)),
        );
        mail_row(&mut lines, lang, Msg::Total, &money(r.quote.total));
        lines.push(format!("{}:", Msg::PaymentSchedule.get(lang)));
        for p in &r.quote.schedule {
            let line = Msg::MailInstalment.with(
                lang,
                &[
                    ("share", &p.share.text()),
                    ("amount", &money(p.amount)),
                    ("date", &p.due.long(lang)),
                ],
            );
            lines.push(format!("  {line}"));
        }
        for (f, value) in &long {
            mail_row(&mut lines, lang, f.spec().mail_label, value);
        }
        lines.join("\n")
    };
    format!(
        "{}\n\n———\n\n{}\n\n{}",
        part(Lang::En),
        part(Lang::Ar),
        event.name.show_or_empty(Lang::En).text
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::booking::event::tests::fixture_event;
    use crate::domain::booking::money::Percent;

    fn plain(t: String) -> String {
        t.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn each_status_has_its_own_name_and_reason_in_each_language() {
        for lang in Lang::ALL {
            let names: std::collections::BTreeSet<_> = Status::ALL
                .into_iter()
                .map(|s| status_name(s, lang))
                .collect();
            let reasons: std::collections::BTreeSet<_> = Status::ALL
                .into_iter()
                .map(|s| status_reason(s, lang))
                .collect();
            assert_eq!(names.len(), Status::ALL.len(), "{lang:?}");
            assert_eq!(reasons.len(), Status::ALL.len(), "{lang:?}");
            assert!(names.iter().chain(&reasons).all(|t| !t.is_empty()));
        }
        assert_eq!(status_name(Status::Sold, Lang::En), "Sold");
        assert_eq!(status_name(Status::Sold, Lang::Ar), "مباع");
        assert_eq!(status_reason(Status::Sold, Lang::En), "Already sold.");
        assert_eq!(
            status_reason(Status::OnHold, Lang::Ar),
            "محجوز مؤقتاً لعارض آخر حتى يؤكد."
        );
    }

    #[test]
    fn sizes_sides_money_and_typed_numbers_read_as_each_language_writes_them() {
        let en = Lang::En;
        assert_eq!(sides_text(1, en), "1 open side (row)");
        assert_eq!(sides_text(2, en), "2 open sides (corner)");
        assert_eq!(sides_text(3, en), "3 open sides (peninsula)");
        assert_eq!(sides_text(4, en), "4 open sides (island)");
        assert!(plain(sides_text(2, Lang::Ar)).contains("زاوية"));
        // A number and its unit are held by a no-break space (U+00A0): a
        // narrow screen never splits them.
        assert_eq!(plain(dimensions("3", "4", None, en)), "3 × 4\u{a0}m");
        assert_eq!(
            plain(dimensions("3", "4", Some("12"), en)),
            "3 × 4\u{a0}m = 12\u{a0}m²"
        );
        assert_eq!(plain(area_m2("7.5", en)), "7.5\u{a0}m²");
        assert_eq!(plain(area_m2("9", Lang::Ar)), "9\u{a0}م²");
        assert_eq!(plain(dinars("22,236.00", en)), "LYD\u{a0}22,236.00");
        assert_eq!(plain(dinars("22,236.00", Lang::Ar)), "22,236.00\u{a0}د.ل");
        // Each refused quantity says why, with the quantity kept.
        let refused = [
            QuantityError::NotWhole,
            QuantityError::Negative,
            QuantityError::OverMax(6),
            QuantityError::NotANumber,
        ];
        let said: std::collections::BTreeSet<_> = refused
            .iter()
            .map(|&e| quantity_error_text(e, 2, en))
            .collect();
        assert_eq!(said.len(), refused.len());
        assert!(said.iter().all(|t| t.contains('2')), "{said:?}");
        assert!(plain(quantity_error_text(QuantityError::OverMax(6), 2, en)).contains('6'));
        assert!(filter_error_text(en).contains("not applied"));
        assert!(!filter_error_text(Lang::Ar).is_empty());
    }

    #[test]
    fn each_line_of_a_quote_reads_with_its_figures_in_both_languages() {
        let event = fixture_event();
        let space = Line::Space {
            stand: "A01".into(),
            kind: "shell".into(),
            area_dm2: 1_200,
            rate: Money(34_000),
            amount: Money(408_000),
        };
        let sides = Line::OpenSides {
            stand: "A01".into(),
            open_sides: 2,
            rate: Percent(1_000),
            amount: Money(40_800),
        };
        let chairs = Line::Extra {
            extra: "chair".into(),
            quantity: 3,
            unit_price: Money(1_500),
            amount: Money(4_500),
        };
        for (line, lang, said) in [
            (
                &space,
                Lang::En,
                "Stand A01 · Shell scheme (equipped): 12\u{a0}m² × EUR\u{a0}340.00 per m²",
            ),
            (
                &space,
                Lang::Ar,
                "الجناح A01 · جناح مجهّز: 12\u{a0}م² × EUR\u{a0}340.00 للمتر المربع",
            ),
            (&sides, Lang::En, "Stand A01: 2 open sides (corner) (+10 %)"),
            (&chairs, Lang::En, "Extra chair × 3 · EUR\u{a0}15.00"),
            (&chairs, Lang::Ar, "كرسي إضافي × 3 · EUR\u{a0}15.00"),
        ] {
            assert_eq!(plain(line_text(line, &event, lang)), said);
        }
        assert_eq!(money(&event, Money(627_300)), "EUR\u{a0}6,273.00");
    }

    #[test]
    fn every_violation_reads_in_both_languages() {
        let event = fixture_event();
        let v = Violation::BelowMinimum {
            kind: "shell".into(),
            stands: vec!["A01".into()],
            area_dm2: 900,
            min_m2: 12,
        };
        assert_eq!(
            violation_text(&v, &event, Lang::En),
            "Shell scheme (equipped) stands need at least 12 m². A01 is 9 m²: add an adjacent stand of the same type, or choose a larger one."
        );
        assert!(plain(violation_text(&v, &event, Lang::Ar)).contains("12 م²"));
        let mixed = Violation::MixedTypes {
            kinds: vec!["shell".into(), "space".into()],
        };
        assert!(violation_text(&mixed, &event, Lang::En)
            .contains("Shell scheme (equipped) and Space only (unequipped)"));
        let stand = || "A01".to_string();
        let all = [
            Violation::NoStand,
            Violation::UnknownStand { stand: stand() },
            Violation::Unavailable {
                stand: stand(),
                status: Status::Sold,
            },
            v,
            mixed,
            Violation::UnknownType {
                stand: stand(),
                kind: "shel".into(),
            },
            Violation::TooMany { max: 6 },
            Violation::UnknownExtra {
                extra: "jacuzzi".into(),
            },
            Violation::TooManyOfExtra {
                extra: "chair".into(),
                max: 20,
            },
            Violation::ExtrasClosed {
                deadline: event.extras_deadline(),
            },
            Violation::BookingClosed {
                last_day: event.last_request_day(),
            },
            Violation::AmountTooLarge,
        ];
        let arabic = |t: &str| t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        for v in &all {
            let (en, ar) = (
                violation_text(v, &event, Lang::En),
                violation_text(v, &event, Lang::Ar),
            );
            assert!(!en.is_empty() && !arabic(&en), "{v:?}: {en}");
            assert!(arabic(&ar), "{v:?}: {ar}");
        }
    }

    #[test]
    fn every_field_error_reads_in_both_languages() {
        let all = [
            FieldError::Required,
            FieldError::TooLong { max: 30, typed: 35 },
            FieldError::Email,
            FieldError::PhoneCode,
            FieldError::PhoneTooFewDigits(4),
            FieldError::PhoneTooManyDigits(15),
            FieldError::PhoneChar('x'),
            FieldError::PhoneHasCode,
            FieldError::NeedsLatin,
            FieldError::NeedsArabic,
            FieldError::MustAccept,
        ];
        let arabic = |t: &str| t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        let eastern_digit = |t: &str| t.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c));
        for e in all {
            let (en, ar) = (field_error_text(e, Lang::En), field_error_text(e, Lang::Ar));
            assert!(!en.is_empty() && !arabic(&en), "{e:?}: {en}");
            assert!(arabic(&ar) && !eastern_digit(&ar), "{e:?}: {ar}");
        }
        assert_eq!(
            field_error_text(FieldError::TooLong { max: 30, typed: 35 }, Lang::En),
            "At most 30 characters. 35 / 30"
        );
        assert_eq!(
            field_error_text(FieldError::PhoneTooFewDigits(4), Lang::En),
            "This number has 4 digits; a phone number has at least 6 digits."
        );
        assert!(
            plain(field_error_text(FieldError::PhoneTooFewDigits(4), Lang::Ar))
                .contains("4 أرقام؛")
        );
        assert!(
            field_error_text(FieldError::PhoneChar('x'), Lang::Ar).contains("\u{2068}'x'\u{2069}")
        );
        assert!(
            field_error_text(FieldError::PhoneChar('\u{200B}'), Lang::En).starts_with("U+200B ")
        );
    }

    #[test]
    fn the_email_names_extras_and_leaves_out_empty_fields() {
        use crate::domain::booking::quote::{Choice, Quote};
        use crate::domain::booking::request::{Field, Form};
        use crate::domain::date::Date;
        let event = fixture_event();
        let extra = event.extras[0].clone();
        let mut choice = Choice {
            stands: vec!["A01".into(), "A02".into()],
            ..Choice::default()
        };
        choice.extras.insert(extra.id.clone(), 2);
        let request = StandRequest {
            reference: "R-1".into(),
            created: Date::new(2026, 11, 25).unwrap(),
            lang: Lang::En,
            form: {
                let mut form = Form::default();
                form.set(Field::Company, "ACME");
                form
            },
            choice,
            quote: Quote::empty("EUR"),
        };
        let body = plain(request_email(&request, &event));
        let name = |l| extra.name.show_or_empty(l).text.to_string();
        assert!(
            body.contains(&format!("Extras: 2 × {}", name(Lang::En))),
            "{body}"
        );
        assert!(
            body.contains(&format!("الإضافات: 2 × {}", name(Lang::Ar))),
            "{body}"
        );
        assert!(!body.contains(&format!("× {}\n", extra.id)), "{body}");
        assert!(
            !body.contains("Sector") && !body.contains("القطاع"),
            "{body}"
        );
        assert!(
            body.contains("STAND REQUEST R-1 (25 November 2026)"),
            "{body}"
        );
        assert!(
            body.contains("Company: ACME") && body.contains("Stands: A01, A02"),
            "{body}"
        );
    }
}
