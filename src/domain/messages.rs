//! Every interface string, in both languages, next to each other so a
//! missing translation is impossible to write.

use super::lang::Lang;

/// A string of the interface (data text lives in the data files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    SkipToContent,
    Home,
    News,
    Sponsors,
    BookStand,
    MainNav,
    SwitchLanguageHint,
    LatestNews,
    AllNews,
    ReadMore,
    RelatedNews,
    ThanksSponsors,
    SponsorsSoon,
    BookBannerTitle,
    BookBannerText,
    BookSoonTitle,
    BookSoonText,
    OnlyInEnglish,
    OnlyInArabic,
    NoBodyYet,
    NotFoundTitle,
    NotFoundText,
    ArticleNotFound,
    BackToNews,
    BackHome,
    Loading,
    Retry,
    ErrNetwork,
    ErrNotFound,
    ErrStatus,
    ErrBadData,
    NoArticles,
    VisitWebsite,
    FooterRights,
    ContactUs,
    Undated,
}

impl Msg {
    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (en, ar) = self.both();
        match lang {
            Lang::En => en,
            Lang::Ar => ar,
        }
    }

    fn both(self) -> (&'static str, &'static str) {
        use Msg::*;
        match self {
            SkipToContent => ("Skip to content", "تخطَّ إلى المحتوى"),
            Home => ("Home", "الرئيسية"),
            News => ("News", "الأخبار"),
            Sponsors => ("Sponsors & partners", "الرعاة والشركاء"),
            BookStand => ("Book a Stand", "احجز جناحك"),
            MainNav => ("Main", "القائمة الرئيسية"),
            SwitchLanguageHint => ("Read this page in Arabic", "اقرأ هذه الصفحة بالإنجليزية"),
            LatestNews => ("Latest news", "آخر الأخبار"),
            AllNews => ("All news", "كل الأخبار"),
            ReadMore => ("Read the article", "اقرأ المقال"),
            RelatedNews => ("Related news", "أخبار ذات صلة"),
            ThanksSponsors => ("Thank you to our Sponsors & Partners", "شكراً لشركائنا ورعاتنا"),
            SponsorsSoon => (
                "This edition's sponsors and partners will be announced here.",
                "سيُعلَن هنا عن رعاة هذه الدورة وشركائها.",
            ),
            BookBannerTitle => ("Exhibit with us", "شارك كعارض"),
            BookBannerText => (
                "Choose your stand on the floor plan, see the exact price and payment dates, and send your request to the organiser.",
                "اختر جناحك على مخطط المعرض، واطّلع على السعر الدقيق ومواعيد الدفع، ثم أرسل طلبك إلى الجهة المنظمة.",
            ),
            BookSoonTitle => ("Stand booking is coming", "حجز الأجنحة قريباً"),
            BookSoonText => (
                "The interactive floor plan opens here soon. Until then, write to the organiser to ask for a stand.",
                "سيتاح مخطط المعرض التفاعلي هنا قريباً. حتى ذلك الحين، راسل الجهة المنظمة لطلب جناح.",
            ),
            OnlyInEnglish => (
                "This article is available in English only.",
                "هذا المقال متاح باللغة الإنجليزية فقط.",
            ),
            OnlyInArabic => ("This article is available in Arabic only.", "هذا المقال متاح باللغة العربية فقط."),
            NoBodyYet => (
                "The full text of this article has not been published yet.",
                "لم يُنشر النص الكامل لهذا المقال بعد.",
            ),
            NotFoundTitle => ("Page not found", "الصفحة غير موجودة"),
            NotFoundText => (
                "The address may be mistyped, or the page may have moved.",
                "ربما كُتب العنوان بشكل خاطئ، أو نُقلت الصفحة.",
            ),
            ArticleNotFound => ("We could not find this article.", "لم نعثر على هذا المقال."),
            BackToNews => ("Back to the news", "العودة إلى الأخبار"),
            BackHome => ("Go to the home page", "الذهاب إلى الصفحة الرئيسية"),
            Loading => ("Loading…", "جارٍ التحميل…"),
            Retry => ("Try again", "أعد المحاولة"),
            ErrNetwork => (
                "We could not reach the site. Check your connection and try again.",
                "تعذّر الوصول إلى الموقع. تحقّق من اتصالك وأعد المحاولة.",
            ),
            ErrNotFound => ("This content is missing from the site.", "هذا المحتوى غير موجود على الموقع."),
            ErrStatus => ("The site answered with an error. Please try again.", "ردّ الموقع بخطأ. يُرجى إعادة المحاولة."),
            ErrBadData => (
                "This content could not be read. The organiser has been given the details below.",
                "تعذّرت قراءة هذا المحتوى. التفاصيل أدناه للجهة المنظمة.",
            ),
            NoArticles => ("No news has been published yet.", "لم تُنشر أي أخبار بعد."),
            VisitWebsite => ("Visit website", "زيارة الموقع"),
            FooterRights => ("All rights reserved.", "جميع الحقوق محفوظة."),
            ContactUs => ("Contact the organiser", "تواصل مع الجهة المنظمة"),
            Undated => ("Date not given", "التاريخ غير محدد"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_strings_are_arabic_and_english_are_not() {
        // A sample of keys; a string pasted into the wrong column shows up here.
        for m in [
            Msg::News,
            Msg::Retry,
            Msg::OnlyInEnglish,
            Msg::NotFoundTitle,
            Msg::ErrNetwork,
        ] {
            assert!(
                m.get(Lang::Ar)
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{m:?}"
            );
            assert!(m.get(Lang::En).is_ascii(), "{m:?}");
        }
    }
}
