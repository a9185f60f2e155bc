// ICU break iterators shared per thread: creating one loads ICU's rules, so
// each kind is created once per process (the prototype) and cloned once per
// thread. Used as the fallback and reference of the word and sentence
// scanners.
#ifndef VEILLE_ANALYZE_ICU_BREAK_H_
#define VEILLE_ANALYZE_ICU_BREAK_H_

#include <unicode/brkiter.h>

namespace veille::analyze {

enum class BreakKind { kWord, kSentence };

// The calling thread's iterator of `kind` over ICU's root rules, or null
// when ICU cannot build it (its data missing). Owned by the thread; valid
// until the thread ends. The caller sets its text before each use.
icu::BreakIterator* ThreadBreakIterator(BreakKind kind);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_ICU_BREAK_H_
