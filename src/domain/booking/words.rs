//! Booking texts that carry values (stand ids, areas, amounts), in both
//! languages. Ids and amounts keep Western digits; the interface wraps them
//! in `<bdi>` where they sit inside Arabic.

use super::event::Event;
use super::money::{area_text, Money};
use super::plan::Status;
use super::quote::{Line, Violation};
use super::request::{Field, FieldError, MAX_PHONE_DIGITS, MIN_PHONE_DIGITS};
use crate::domain::data::char_name;
use crate::domain::Lang;

fn pick(lang: Lang, en: String, ar: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Ar => ar,
    }
}

pub fn status_name(status: Status, lang: Lang) -> &'static str {
    let (en, ar) = match status {
        Status::Available => ("Available", "متاح"),
        Status::OnHold => ("On hold", "محجوز مؤقتاً"),
        Status::Reserved => ("Reserved", "محجوز"),
        Status::Sold => ("Sold", "مباع"),
        Status::Blocked => ("Not for sale", "غير متاح للبيع"),
    };
    if lang == Lang::En {
        en
    } else {
        ar
    }
}

/// Why a stand that is not available cannot be chosen.
pub fn status_reason(status: Status, lang: Lang) -> &'static str {
    let (en, ar) = match status {
        Status::Available => ("You can choose this stand.", "يمكنك اختيار هذا الجناح."),
        Status::OnHold => (
            "Held for another exhibitor until they confirm.",
            "محجوز مؤقتاً لعارض آخر حتى يؤكد.",
        ),
        Status::Reserved => ("Reserved by another exhibitor.", "محجوز لعارض آخر."),
        Status::Sold => ("Already sold.", "تم بيعه."),
        Status::Blocked => ("Not for sale.", "غير متاح للبيع."),
    };
    if lang == Lang::En {
        en
    } else {
        ar
    }
}

pub fn kind_name(event: &Event, kind: &str, lang: Lang) -> String {
    event
        .stand_type(kind)
        .map(|t| t.name.show_or_empty(lang).text.to_string())
        .unwrap_or_else(|| kind.to_string())
}

pub fn sides_text(n: u8, lang: Lang) -> String {
    let (en, ar) = match n {
        1 => ("1 open side (row)", "جانب مفتوح واحد (صف)"),
        2 => ("2 open sides (corner)", "جانبان مفتوحان (زاوية)"),
        3 => ("3 open sides (peninsula)", "3 جوانب مفتوحة (شبه جزيرة)"),
        _ => ("4 open sides (island)", "4 جوانب مفتوحة (جزيرة)"),
    };
    if lang == Lang::En {
        en.into()
    } else {
        ar.into()
    }
}

pub fn violation_text(v: &Violation, event: &Event, lang: Lang) -> String {
    match v {
        Violation::NoStand => pick(lang, "Choose at least one stand.".into(), "اختر جناحاً واحداً على الأقل.".into()),
        Violation::UnknownStand { stand } => {
            pick(lang, format!("Stand {stand} is no longer on the plan."), format!("الجناح {stand} لم يعد في المخطط."))
        }
        Violation::Unavailable { stand, status } => pick(
            lang,
            format!("Stand {stand} cannot be chosen: {}", status_reason(*status, Lang::En)),
            format!("لا يمكن اختيار الجناح {stand}: {}", status_reason(*status, Lang::Ar)),
        ),
        Violation::BelowMinimum { kind, stands, area_dm2, min_m2 } => {
            let list = stands.join(" + ");
            let area = area_text(*area_dm2);
            pick(
                lang,
                format!(
                    "{} stands need at least {min_m2} m². {list} make {area} m²: add an adjacent stand of the same type, or choose a larger one.",
                    kind_name(event, kind, Lang::En)
                ),
                format!(
                    "تحتاج أجنحة «{}» إلى {min_m2} م² على الأقل. {list} = {area} م²: أضف جناحاً ملاصقاً من النوع نفسه أو اختر جناحاً أكبر.",
                    kind_name(event, kind, Lang::Ar)
                ),
            )
        }
        Violation::MixedTypes { kinds } => {
            let names = |l| kinds.iter().map(|k| kind_name(event, k, l)).collect::<Vec<_>>().join(lang_sep(l));
            pick(
                lang,
                format!("One request covers one stand type; you chose {}. Send a separate request for each type.", names(Lang::En)),
                format!("يشمل الطلب الواحد نوعاً واحداً من الأجنحة؛ اخترت {}. أرسل طلباً منفصلاً لكل نوع.", names(Lang::Ar)),
            )
        }
        Violation::UnknownType { stand, kind } => pick(
            lang,
            format!("Stand {stand} cannot be priced: the plan gives it the type “{kind}”, which the event's terms do not list. Please tell the organiser."),
            format!("لا يمكن تسعير الجناح {stand}: نوعه في المخطط «{kind}» غير موجود في شروط المعرض. يرجى إبلاغ الجهة المنظمة."),
        ),
        Violation::TooMany { max } => pick(
            lang,
            format!("One request can hold at most {max} stands."),
            format!("يمكن أن يضم الطلب الواحد {max} أجنحة كحد أقصى."),
        ),
        Violation::UnknownExtra { extra } => {
            pick(lang, format!("The extra “{extra}” is no longer offered."), format!("الإضافة «{extra}» لم تعد متاحة."))
        }
        Violation::TooManyOfExtra { extra, max } => {
            let name = |l| event.extra(extra).map(|e| e.name.show_or_empty(l).text.to_string()).unwrap_or_else(|| extra.clone());
            pick(lang, format!("{}: at most {max}.", name(Lang::En)), format!("{}: {max} كحد أقصى.", name(Lang::Ar)))
        }
        Violation::ExtrasClosed { deadline } => pick(
            lang,
            format!("Extras could be ordered until {}; please remove them and ask the organiser.", deadline.long(Lang::En)),
            format!("كان طلب الإضافات متاحاً حتى {}؛ يرجى إزالتها ومراسلة الجهة المنظمة.", deadline.long(Lang::Ar)),
        ),
        Violation::BookingClosed { last_day } => pick(
            lang,
            format!("Booking for this edition is closed: stand requests were taken until {}. Please contact the organiser.", last_day.long(Lang::En)),
            format!("انتهى حجز الأجنحة لهذه الدورة: كانت الطلبات مقبولة حتى {}. يرجى التواصل مع الجهة المنظمة.", last_day.long(Lang::Ar)),
        ),
        Violation::AmountTooLarge => pick(
            lang,
            "This choice comes to an amount too large to price here. Please contact the organiser.".into(),
            "يبلغ هذا الاختيار مبلغاً أكبر من أن يُحسب هنا. يرجى التواصل مع الجهة المنظمة.".into(),
        ),
    }
}

fn lang_sep(lang: Lang) -> &'static str {
    if lang == Lang::En {
        " and "
    } else {
        " و"
    }
}

/// The description of a quote line, for example "Stand A01: 9 m² × EUR 340.00".
pub fn line_text(line: &Line, event: &Event, lang: Lang) -> String {
    let cur = &event.currency;
    match line {
        Line::Space {
            stand,
            kind,
            area_dm2,
            rate,
            ..
        } => pick(
            lang,
            format!(
                "Stand {stand} · {}: {} m² × {} per m²",
                kind_name(event, kind, Lang::En),
                area_text(*area_dm2),
                rate.with_currency(cur)
            ),
            format!(
                "الجناح {stand} · {}: {} م² × {} للمتر المربع",
                kind_name(event, kind, Lang::Ar),
                area_text(*area_dm2),
                rate.with_currency(cur)
            ),
        ),
        Line::OpenSides {
            stand,
            open_sides,
            rate,
            ..
        } => pick(
            lang,
            format!(
                "Stand {stand}: {} (+{} %)",
                sides_text(*open_sides, Lang::En),
                rate.text()
            ),
            format!(
                "الجناح {stand}: {} (+{} %)",
                sides_text(*open_sides, Lang::Ar),
                rate.text()
            ),
        ),
        Line::Extra {
            extra,
            quantity,
            unit_price,
            ..
        } => {
            let name = |l| {
                event
                    .extra(extra)
                    .map(|e| e.name.show_or_empty(l).text.to_string())
                    .unwrap_or_else(|| extra.clone())
            };
            format!(
                "{} × {quantity} · {}",
                name(lang),
                unit_price.with_currency(cur)
            )
        }
    }
}

pub fn field_label(f: Field) -> super::super::Msg {
    use super::super::Msg;
    match f {
        Field::Company => Msg::CompanyName,
        Field::FasciaEn => Msg::FasciaEn,
        Field::FasciaAr => Msg::FasciaAr,
        Field::Contact => Msg::ContactName,
        Field::Email => Msg::Email,
        Field::PhoneCode => Msg::PhoneCode,
        Field::Phone => Msg::Phone,
        Field::Country => Msg::Country,
        Field::Sector => Msg::Sector,
        Field::Notes => Msg::Notes,
        Field::AcceptTerms => Msg::AcceptTerms,
    }
}

pub fn field_error_text(e: FieldError, lang: Lang) -> String {
    match e {
        FieldError::Required => pick(
            lang,
            "Please fill this in.".into(),
            "يرجى تعبئة هذا الحقل.".into(),
        ),
        FieldError::TooLong(n) => pick(
            lang,
            format!("At most {n} characters."),
            format!("{n} حرفاً كحد أقصى."),
        ),
        FieldError::Email => pick(
            lang,
            "Enter an e-mail address such as name@company.com.".into(),
            "أدخل بريداً إلكترونياً مثل name@company.com.".into(),
        ),
        FieldError::PhoneCode => pick(
            lang,
            "Enter a country code such as +218.".into(),
            "أدخل رمز دولة مثل +218.".into(),
        ),
        FieldError::PhoneTooFewDigits(n) => pick(
            lang,
            format!("This number has {n} digits; a phone number has at least {MIN_PHONE_DIGITS}."),
            format!("عدد الأرقام المُدخلة {n}؛ يجب ألا يقل رقم الهاتف عن {MIN_PHONE_DIGITS} أرقام."),
        ),
        FieldError::PhoneTooManyDigits(n) => pick(
            lang,
            format!("This number has {n} digits; a phone number has at most {MAX_PHONE_DIGITS} without the country code."),
            format!("عدد الأرقام المُدخلة {n}؛ يجب ألا يزيد رقم الهاتف على {MAX_PHONE_DIGITS} رقماً دون رمز الدولة."),
        ),
        FieldError::PhoneChar(c) => {
            let c = char_name(c);
            pick(
                lang,
                format!("{c} cannot be part of a phone number: use digits, with spaces, dashes, dots or brackets between them."),
                format!("لا يمكن أن يحتوي رقم الهاتف على {c}: استخدم الأرقام، مع مسافات أو شرطات أو نقاط أو أقواس بينها."),
            )
        }
        FieldError::PhoneHasCode => pick(
            lang,
            "Put the country code in the code field, or leave a space after it (for example +44 20 7946 0958).".into(),
            "ضع رمز الدولة في خانة الرمز، أو اترك مسافة بعده (مثلاً +44 20 7946 0958).".into(),
        ),
        FieldError::NeedsLatin => pick(
            lang,
            "Write the English name in Latin letters.".into(),
            "اكتب الاسم الإنجليزي بحروف لاتينية.".into(),
        ),
        FieldError::NeedsArabic => pick(
            lang,
            "Write the Arabic name in Arabic letters.".into(),
            "اكتب الاسم العربي بحروف عربية.".into(),
        ),
        FieldError::MustAccept => pick(
            lang,
            "Please confirm that you have read the terms.".into(),
            "يرجى تأكيد قراءة الشروط.".into(),
        ),
    }
}

/// "EUR 1,234.00" for amounts in the interface.
/// An amount in Libyan dinars as each language writes it: "LYD 1,234.50",
/// "1,234.50 د.ل". `amount` is already written with its digits.
pub fn dinars(amount: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("LYD {amount}"),
        Lang::Ar => format!("{amount} د.ل"),
    }
}

pub fn money(event: &Event, m: Money) -> String {
    m.with_currency(&event.currency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_violation_reads_in_both_languages() {
        let event: Event =
            serde_json::from_str(include_str!("../../../tests/fixtures/site/data/event.json"))
                .unwrap();
        let v = Violation::BelowMinimum {
            kind: "shell".into(),
            stands: vec!["A01".into()],
            area_dm2: 900,
            min_m2: 12,
        };
        assert_eq!(
            violation_text(&v, &event, Lang::En),
            "Shell scheme (equipped) stands need at least 12 m². A01 make 9 m²: add an adjacent stand of the same type, or choose a larger one."
        );
        assert!(violation_text(&v, &event, Lang::Ar).contains("12 م²"));
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
            FieldError::TooLong(30),
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
            field_error_text(FieldError::PhoneTooFewDigits(4), Lang::En),
            "This number has 4 digits; a phone number has at least 6."
        );
        assert!(field_error_text(FieldError::PhoneTooFewDigits(4), Lang::Ar).contains("4؛"));
        assert!(field_error_text(FieldError::PhoneChar('x'), Lang::Ar).contains("'x'"));
        assert!(
            field_error_text(FieldError::PhoneChar('\u{200B}'), Lang::En).starts_with("U+200B ")
        );
    }
}
