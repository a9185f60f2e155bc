// Headings that label a part of the page's layout ("Quicklinks",
// "Hauptinhalt", "Navigation", "Page") rather than name its content: such a
// heading is never the page's title, whatever its level or place.
// Pure functions over a fixed table; thread-safe.
#ifndef VEILLE_EXTRACT_TITLE_LABELS_H_
#define VEILLE_EXTRACT_TITLE_LABELS_H_

#include <string_view>

namespace veille::extract {

// Whether `heading` (its text, white space collapsed) is a layout label in
// one of the languages the table covers (English, German, French, Spanish,
// Italian, Dutch, Polish, Portuguese), compared case-insensitively on ASCII
// letters and ignoring a trailing colon. Words that can be a page's own
// title ("Kontakt", "Über uns", "Impressum") are not labels.
bool IsLayoutLabel(std::string_view heading);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_TITLE_LABELS_H_
