// Language identification of extracted text with CLD2 (Compact Language
// Detector 2), using the page's declared language as a hint and a fallback.
// Stateless; thread-safe (CLD2's tables are constant).
#ifndef VEILLE_EXTRACT_LANGUAGE_H_
#define VEILLE_EXTRACT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace veille::extract {

// Returns the ISO 639-1 code ("fr", "en", "de") of `utf8_text` (valid UTF-8,
// plain text). `declared` (an <html lang> value such as "fr-FR", may be empty)
// boosts its language and is returned when the text is too short or the
// detection unreliable. Returns "" when neither gives an answer.
std::string DetectLanguage(std::string_view utf8_text, std::string_view declared);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_LANGUAGE_H_
