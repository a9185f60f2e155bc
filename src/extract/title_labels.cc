#include "extract/title_labels.h"

#include <string>

namespace veille::extract {
namespace {

// Lowercased (ASCII) labels of layout regions, skip links, screen-reader
// headings and wiki/CMS chrome. Kept to words that name a region of the
// page, not a subject: a page about search engines may well be titled
// "Search", so single words are only the ones no article is named after.
constexpr std::string_view kLabels[] = {
    // English
    "quicklinks", "quick links", "main content", "content", "skip to content",
    "skip to main content", "navigation", "main navigation", "main menu", "menu", "site menu",
    "search", "search form", "you are here", "you are here:", "breadcrumb", "breadcrumbs", "page",
    "user", "page tools", "blogroll", "recent posts", "recent comments", "recent entries",
    "sidebar", "footer", "header", "site navigation",
    // German
    "hauptinhalt", "inhalt", "seiteninhalt", "zum inhalt springen", "direkt zum inhalt",
    "hauptnavigation", "hauptmenü", "menü", "navigation mit access keys", "suche", "suchformular",
    "sie sind hier", "sprungmarken", "seitenbereiche", "servicenavigation", "metanavigation",
    "mobile navigation", "sprachmenü", "sprachauswahl", "letzte artikel", "letzte beiträge",
    "neueste beiträge", "letzte kommentare", "neueste kommentare",
    // French
    "contenu principal", "aller au contenu", "menu principal", "recherche", "vous êtes ici",
    "fil d'ariane",
    // Spanish, Italian, Portuguese
    "contenido principal", "menú principal", "buscar", "usted está aquí", "contenuto principale",
    "cerca", "conteúdo principal", "pesquisar",
    // Dutch, Polish
    "hoofdinhoud", "zoeken", "treść główna", "szukaj"};

}  // namespace

bool IsLayoutLabel(std::string_view heading) {
  constexpr size_t kMaxLabelChars = 40;
  while (!heading.empty() && (heading.back() == ':' || heading.back() == ' ')) {
    heading.remove_suffix(1);
  }
  if (heading.empty() || heading.size() > kMaxLabelChars) return false;
  std::string lowered(heading);
  for (char& c : lowered) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  for (const std::string_view label : kLabels) {
    if (lowered == label) return true;
  }
  return false;
}

}  // namespace veille::extract
