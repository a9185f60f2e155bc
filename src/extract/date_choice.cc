#include "extract/date_choice.h"

#include <array>
#include <chrono>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <utility>

#include "extract/text_date.h"
#include "extract/text_util.h"

namespace veille::extract {
namespace {

// `candidate` as a valid time in the page's calendar (see LocalIsoTime), or "".
std::string ValidTime(std::string_view candidate) {
  if (candidate.empty()) return "";
  std::string time = LocalIsoTime(candidate);
  // A date-time the ISO reader refuses ("2022-01-10T22:06:08:684Z") still
  // names its day.
  if (time.empty() && candidate.size() > 10 && (candidate[10] == 'T' || candidate[10] == ' ')) {
    time = LocalIsoTime(candidate.substr(0, 10));
  }
  return time;
}

// The first candidate that is a valid time and the text it was read from;
// {"", ""} when none is.
std::pair<std::string, std::string_view> FirstValidTime(
    std::initializer_list<std::string_view> candidates) {
  for (const std::string_view candidate : candidates) {
    std::string time = ValidTime(candidate);
    if (!time.empty()) return {std::move(time), candidate};
  }
  return {"", ""};
}

// Whether a lowercased meta name/property names a date or time.
bool NamesTime(std::string_view key) {
  for (const std::string_view cue : {"date", "time", "published", "modified", "created"}) {
    if (key.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

// The non-zero UTC offset the page writes one of its times in (a meta tag's
// or JSON-LD's), in minutes; false when it writes none.
bool PageOffset(const MetadataInputs& in, const JsonLdFacts& json, int* minutes) {
  for (const auto& [name, content] : in.meta) {
    if (NamesTime(name) && TrailingOffset(content, minutes) && *minutes != 0) return true;
  }
  for (const std::string* raw : {&json.date_published, &json.other_date, &in.time_datetime}) {
    if (TrailingOffset(*raw, minutes) && *minutes != 0) return true;
  }
  return false;
}

// Whole days between the dates that start two normalised times
// ("YYYY-MM-DD..."); a large number when either does not start with a date.
int DaysApart(std::string_view a, std::string_view b) {
  const auto days = [](std::string_view t) -> std::optional<std::chrono::sys_days> {
    if (t.size() < 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    const auto num = [&](size_t at, size_t n) {
      int v = 0;
      for (size_t i = at; i < at + n; ++i) {
        if (t[i] < '0' || t[i] > '9') return -1;
        v = v * 10 + (t[i] - '0');
      }
      return v;
    };
    const std::chrono::year_month_day ymd{std::chrono::year{num(0, 4)},
                                          std::chrono::month{static_cast<unsigned>(num(5, 2))},
                                          std::chrono::day{static_cast<unsigned>(num(8, 2))}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd};
  };
  const auto da = days(a), db = days(b);
  if (!da || !db) return 1 << 20;
  return std::abs(static_cast<int>((*da - *db).count()));
}

}  // namespace

std::string DateInTitle(std::string_view title) {
  constexpr size_t kMaxSegmentChars = 32;
  constexpr size_t kMaxSegmentLetters = 12;  // "11 de mayo de 2022"
  constexpr std::array<std::string_view, 6> kSeparators = {" - ", " | ", " – ",
                                                           " — ", " · ", " :: "};
  size_t start = 0;
  while (start < title.size()) {
    size_t end = title.size();
    size_t next = title.size();
    for (const std::string_view sep : kSeparators) {
      const size_t at = title.find(sep, start);
      if (at < end) {
        end = at;
        next = at + sep.size();
      }
    }
    const std::string segment = CollapseWhitespace(title.substr(start, end - start));
    if (!segment.empty() && segment.size() <= kMaxSegmentChars &&
        ShapeOf(segment).letters <= kMaxSegmentLetters) {
      std::string date = FindDateInText(segment);
      if (!date.empty()) return date;
    }
    start = next;
  }
  return "";
}

std::string ChoosePublished(const MetadataInputs& in, const JsonLdFacts& json,
                            std::string_view canonical_url, std::string_view page_url) {
  const std::string meta_article = MetaValue(in, std::array{"article:published_time"});
  const std::string meta_og =
      MetaValue(in, std::array{"og:published_time", "og:article:published_time"});
  const std::string meta_published = MetaValue(
      in, std::array{"datepublished", "pubdate", "publishdate", "dc.date.issued", "dcterms.issued",
                     "dcterms.created", "dc.date.created", "schema:datepublished",
                     "schema:datecreated", "parsely-pub-date", "sailthru.date", "publication_date",
                     "citation_publication_date", "citation_date"});
  const std::string meta_date = MetaValue(in, std::array{"date", "dc.date", "dcterms.date"});
  const std::string meta_modified =
      MetaValue(in, std::array{"article:modified_time", "og:updated_time", "datemodified",
                               "dcterms.modified", "dc.date.modified", "last-modified", "lastmod"});
  const std::string url_date = DateFromUrlPath(canonical_url);
  const std::string page_url_date = DateFromUrlPath(page_url);
  const std::string time_date = FindDateInText(in.time_datetime);
  std::string title_date = DateInTitle(in.title_tag);
  if (title_date.empty()) title_date = DateInTitle(MetaValue(in, std::array{"og:title"}));

  // Views of in.time_datetime itself (a `? string : ""` would view a copy
  // destroyed at the end of the statement).
  const std::string_view time_datetime = in.time_datetime;
  const std::string_view time_in = in.time_in_content ? time_datetime : std::string_view();
  const std::string_view time_out = in.time_in_content ? std::string_view() : time_datetime;

  // 1. A visible date that a declared one confirms. A modification dated
  // a day before the publication is a publication date reset (a post scheduled
  // again), not an update readers were shown; the generic "date" tags only
  // confirm a date inside the kept content.
  const std::string first_published = FirstValidTime({json.date_published, meta_article, meta_og,
                                                      in.itemprop_published, meta_published})
                                          .first;
  const auto updated = [&](std::string_view raw) {
    std::string time = ValidTime(raw);
    const bool before = first_published.size() >= 10 && time.size() >= 10 &&
                        time.compare(0, 10, first_published, 0, 10) < 0;
    return before ? std::string() : time;
  };
  const std::string_view lone_in =
      in.lone_date_in_content ? std::string_view(in.lone_date) : std::string_view();
  const std::string_view time_in_day =
      in.time_in_content ? std::string_view(time_date) : std::string_view();
  // What readers see, and whether it may confirm any modification time: a
  // dateline found anywhere (often a header's "today") and the title's date
  // confirm a modification only within a day of the publication (a time
  // stored across a UTC midnight, a same-day fix), or an old article edited
  // today would be dated today.
  struct Seen {
    std::string_view day;
    bool confirms_modified;
  };
  const auto near_publication = [&](std::string_view time) {
    return first_published.size() < 10 || DaysApart(first_published, time) <= 1;
  };
  const std::array<Seen, 5> seen_dates = {{{in.headline_date, true},
                                           {time_in_day, true},
                                           {in.text_date, false},
                                           {lone_in, true},
                                           {title_date, false}}};
  const std::array<std::string, 9> declared_times = {
      ValidTime(json.date_published),
      ValidTime(meta_article),
      ValidTime(meta_og),
      ValidTime(in.itemprop_published),
      ValidTime(meta_published),
      updated(json.date_modified),
      updated(meta_modified),
      updated(in.itemprop_modified),
      ValidTime(url_date.empty() ? page_url_date : url_date)};
  const std::string meta_date_time = ValidTime(meta_date);
  constexpr size_t kFirstModified = 5, kLastModified = 7;  // in declared_times
  for (const Seen& seen : seen_dates) {
    if (seen.day.size() != 10) continue;
    for (size_t t = 0; t < declared_times.size(); ++t) {
      const std::string& time = declared_times[t];
      if (!seen.confirms_modified && t >= kFirstModified && t <= kLastModified &&
          !near_publication(time)) {
        continue;
      }
      if (time.size() >= 10 && std::string_view(time).substr(0, 10) == seen.day) return time;
    }
  }
  for (const std::string_view seen : {seen_dates[0].day, seen_dates[1].day, seen_dates[3].day}) {
    if (seen.size() == 10 && meta_date_time.size() >= 10 &&
        std::string_view(meta_date_time).substr(0, 10) == seen) {
      return meta_date_time;
    }
  }

  // 2. The first valid candidate in the order of trust. A <time> in kept
  // content and the date under the headline are what readers see (after a
  // date in the URL's path, the surest of all); a dateline comes before the
  // generic "date" tags (TYPO3 and others fill them with the page's last
  // change), a <time> elsewhere (a list of related posts) after a date in
  // the URL.
  const auto [published, raw] = FirstValidTime(
      {json.date_published, meta_article, meta_og, in.itemprop_published, meta_published,
       json.other_date, time_in, time_in_day, url_date, page_url_date, in.headline_date, time_out,
       in.time_in_content ? "" : std::string_view(time_date), in.text_date, meta_date, in.lone_date,
       title_date});
  if (!published.empty()) {
    int page_offset = 0;
    const bool has_page_offset = PageOffset(in, json, &page_offset);
    // Only the date under the headline or in the title: a header's or
    // sidebar's dateline is often today's date, one day off by chance.
    const std::string& visible = in.headline_date.empty() ? title_date : in.headline_date;
    return ReadersDay(published, raw, has_page_offset, page_offset, visible);
  }
  // 3. The last change, for want of anything better.
  return FirstValidTime({json.date_modified, meta_modified, in.itemprop_modified}).first;
}

}  // namespace veille::extract
