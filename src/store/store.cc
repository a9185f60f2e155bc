// Functions declared by the Store interface itself (include/veille/store.h).
#include "veille/store.h"

namespace veille {

const char* PutOutcomeName(PutOutcome o) {
  switch (o) {
    case PutOutcome::kNew:
      return "new";
    case PutOutcome::kKnown:
      return "known";
    case PutOutcome::kRevised:
      return "revised";
  }
  return "unknown";
}

const char* SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kAuto:
      return "auto";
    case SourceKind::kFeed:
      return "feed";
    case SourceKind::kPage:
      return "page";
  }
  return "auto";
}

}  // namespace veille
