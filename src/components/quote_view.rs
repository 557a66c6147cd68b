use crate::components::LocalDate;
use crate::domain::booking::event::Event;
use crate::domain::booking::money::Money;
use crate::domain::booking::quote::Quote;
use crate::domain::messages::booking::{dinars, line_text, money};
use crate::domain::Msg;
use crate::state::{tr, use_lang};
use leptos::prelude::*;

/// An exact quote, line by line: stands, open-side premiums, extras, what a
/// shell stand includes, subtotal, tax, total (and in dinars), and when to pay.
#[component]
pub fn QuoteView(quote: Quote, event: StoredValue<Event>) -> impl IntoView {
    let lang = use_lang();
    let m = move |amount: Money| event.with_value(|e| money(e, amount));
    let q = StoredValue::new(quote);
    let lines = move || {
        let l = lang.get();
        q.with_value(|q| {
            event.with_value(|e| {
                q.lines
                    .iter()
                    .map(|line| {
                        let amount = m(line.amount());
                        view! { <tr><td>{line_text(line, e, l)}</td><td class="quote__amount"><bdi>{amount}</bdi></td></tr> }
                    })
                    .collect_view()
            })
        })
    };
    let included = move || {
        let l = lang.get();
        q.with_value(|q| {
            event.with_value(|e| {
                q.included
                    .iter()
                    .map(|block| {
                        let items = e
                            .shell_kit
                            .items(block.kits)
                            .map(|(item, n)| view! { <li>{Msg::KitItem.with(l, &[("n", &n.to_string()), ("name", item.name.show_or_empty(l).text)])}</li> })
                            .collect_view();
                        view! {
                            <div class="quote__included">
                                <p class="quote__included-title">{Msg::IncludedWith.with(l, &[("stands", &block.stands.join(" + "))])}</p>
                                <ul>{items}</ul>
                            </div>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let schedule = q.with_value(|q| q.schedule.clone()).into_iter().map(|p| {
        let share = p.share.text();
        view! {
            <tr>
                <td><bdi>{move || Msg::Percent.with(lang.get(), &[("rate", &share)])}</bdi></td>
                <td><LocalDate date=p.due/></td>
                <td class="quote__amount"><bdi>{m(p.amount)}</bdi></td>
            </tr>
        }
    });
    let tax_label = move || {
        let l = lang.get();
        event.with_value(|e| {
            Msg::TaxLabel.with(
                l,
                &[
                    ("name", e.tax.name.show_or_empty(l).text),
                    ("rate", &e.tax.rate.text()),
                ],
            )
        })
    };
    let lyd = move || {
        let l = lang.get();
        q.with_value(|q| {
            q.total_lyd.map(|d| {
                let rate = event.with_value(|e| e.lyd_rate.map(|r| r.text()).unwrap_or_default());
                let cur = event.with_value(|e| e.currency.clone());
                // Each amount is isolated on its own, so the equation reads
                // in order in Arabic too (one isolate around the whole phrase
                // scrambles it).
                let total = dinars(&d.amount_text(), l);
                let one = format!("1 {cur}");
                let rate = dinars(&rate, l);
                // The rate in brackets is one piece: it never breaks ("= 5.45"
                // starting a line); the line breaks before it.
                view! {
                    <tr class="quote__lyd">
                        <th scope="row">{Msg::InDinars.get(l)}</th>
                        <td class="quote__amount">"≈ "<bdi class="quote__lyd-total">{total}</bdi>" (" <bdi class="quote__lyd-one">{one}</bdi>"\u{a0}=\u{a0}"<bdi class="quote__lyd-rate">{rate}</bdi>")"</td>
                    </tr>
                }
            })
        })
    };
    view! {
        <div class="quote">
            <table class="quote__table">
                <caption class="visually-hidden">{tr(Msg::Quote)}</caption>
                <thead><tr><th scope="col">{tr(Msg::Description)}</th><th scope="col" class="quote__amount">{tr(Msg::Amount)}</th></tr></thead>
                <tbody>{lines}</tbody>
                <tfoot>
                    <tr><th scope="row">{tr(Msg::Subtotal)}</th><td class="quote__amount"><bdi>{m(q.with_value(|q| q.subtotal))}</bdi></td></tr>
                    <tr><th scope="row">{tax_label}</th><td class="quote__amount"><bdi>{m(q.with_value(|q| q.tax))}</bdi></td></tr>
                    <tr class="quote__total"><th scope="row">{tr(Msg::Total)}</th><td class="quote__amount"><bdi>{m(q.with_value(|q| q.total))}</bdi></td></tr>
                    {lyd}
                </tfoot>
            </table>
            {included}
            <h3 class="quote__subtitle">{tr(Msg::PaymentSchedule)}</h3>
            <table class="quote__table quote__schedule">
                <thead><tr><th scope="col">{tr(Msg::Share)}</th><th scope="col">{tr(Msg::DueBy)}</th><th scope="col" class="quote__amount">{tr(Msg::Amount)}</th></tr></thead>
                <tbody>{schedule.collect_view()}</tbody>
            </table>
            <p class="quote__note">{tr(Msg::RoundingNote)}</p>
        </div>
    }
}
