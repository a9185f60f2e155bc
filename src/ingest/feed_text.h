// Small text helpers for feed fields: whitespace trimming and collapsing,
// HTML-to-plain for titles given as HTML, and the "does this body carry
// HTML?" sniff for RSS descriptions. Pure functions; thread-safe.
#ifndef VEILLE_INGEST_FEED_TEXT_H_
#define VEILLE_INGEST_FEED_TEXT_H_

#include <string>
#include <string_view>

namespace veille::ingest {

// `s` without leading and trailing XML whitespace (space, tab, CR, LF).
std::string_view TrimXmlSpace(std::string_view s);

// `s` trimmed, with each run of XML whitespace replaced by one space.
std::string CollapseSpace(std::string_view s);

// Tags removed and the common entities decoded (&amp; &lt; &gt; &quot;
// &apos; &nbsp; and numeric references), for a title given as HTML.
std::string HtmlToPlain(std::string_view html);

// True when `body` (an RSS description, say) holds HTML markup: a start or
// end tag (`<p`, `</a>`, `<br/>`...), a comment, or an HTML entity
// reference (`&eacute;`, `&#233;`). Plain text with a lone "<" or "&" is not.
bool LooksLikeHtml(std::string_view body);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_FEED_TEXT_H_
