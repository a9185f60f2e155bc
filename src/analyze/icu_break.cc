// ThreadBreakIterator (icu_break.h).
#include "analyze/icu_break.h"

#include <memory>

namespace veille::analyze {
namespace {

// The process-wide prototype of `kind` (null if ICU failed), built once.
const icu::BreakIterator* Prototype(BreakKind kind) {
  auto make = [](BreakKind k) -> icu::BreakIterator* {
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* bi =
        k == BreakKind::kWord
            ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status);
    if (U_FAILURE(status)) {
      delete bi;
      return nullptr;
    }
    return bi;
  };
  static const icu::BreakIterator* const word = make(BreakKind::kWord);
  static const icu::BreakIterator* const sentence = make(BreakKind::kSentence);
  return kind == BreakKind::kWord ? word : sentence;
}

}  // namespace

icu::BreakIterator* ThreadBreakIterator(BreakKind kind) {
  thread_local std::unique_ptr<icu::BreakIterator> word, sentence;
  std::unique_ptr<icu::BreakIterator>& it = kind == BreakKind::kWord ? word : sentence;
  if (!it) {
    const icu::BreakIterator* prototype = Prototype(kind);
    if (prototype == nullptr) return nullptr;
    it.reset(prototype->clone());
  }
  return it.get();
}

}  // namespace veille::analyze
