#include "cli/settings.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace veille::cli {
namespace {

// Parses a whole decimal integer; false on anything else.
bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  size_t i = (s[0] == '-') ? 1 : 0;
  if (i == s.size()) return false;
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = s[0] == '-' ? -v : v;
  return true;
}

struct Setting {
  const char* key;  // config-file key (the flag without "--")
  const char* env;  // environment variable
  std::function<bool(std::string_view, Config*, RawSettings*)> set;  // false: bad value
};

using Setter = std::function<bool(std::string_view, Config*, RawSettings*)>;

// A setter for a whole number in [min, max] that `assign` stores.
Setter IntSetting(int64_t min, int64_t max,
                  std::function<void(int64_t, Config*, RawSettings*)> assign) {
  return [=](std::string_view v, Config* c, RawSettings* r) {
    int64_t n;
    if (!ParseInt(v, &n) || n < min || n > max) return false;
    assign(n, c, r);
    return true;
  };
}

const std::vector<Setting>& Settings() {
  constexpr int64_t kMax = int64_t{1} << 40;
  static const std::vector<Setting> kSettings = {
      {"db", "VEILLE_DB",
       [](std::string_view v, Config* c, RawSettings*) {
         c->db_path = std::string(v);
         return !v.empty();
       }},
      {"max-document-mb", "VEILLE_MAX_DOCUMENT_MB",
       IntSetting(1, 2048, [](int64_t n, Config*, RawSettings* r) { r->max_document_mb = n; })},
      {"commit-every", "VEILLE_COMMIT_EVERY",
       IntSetting(1, kMax, [](int64_t n, Config* c, RawSettings*) { c->commit_every = n; })},
      {"raw-compression-level", "VEILLE_RAW_COMPRESSION_LEVEL",
       IntSetting(1, 19,
                  [](int64_t n, Config* c, RawSettings*) {
                    c->store.raw_compression_level = static_cast<int>(n);
                  })},
      {"busy-timeout-ms", "VEILLE_BUSY_TIMEOUT_MS",
       IntSetting(0, 3600000,
                  [](int64_t n, Config* c, RawSettings*) {
                    c->store.busy_timeout_ms = static_cast<int>(n);
                  })},
      {"min-paragraph-chars", "VEILLE_MIN_PARAGRAPH_CHARS",
       IntSetting(0, kMax,
                  [](int64_t n, Config* c, RawSettings*) {
                    c->extract.min_paragraph_chars = static_cast<size_t>(n);
                  })},
      {"data-dir", "VEILLE_DATA_DIR",
       [](std::string_view v, Config* c, RawSettings*) {
         c->analyze.data_dir = std::string(v);
         return !v.empty();
       }},
      {"user-aliases", "VEILLE_USER_ALIASES",
       [](std::string_view v, Config* c, RawSettings*) {
         c->analyze.entities.user_alias_path = std::string(v);
         return !v.empty();
       }},
      {"stories", "VEILLE_STORIES",
       IntSetting(0, 1, [](int64_t n, Config* c, RawSettings*) { c->stories.enabled = n != 0; })},
      {"summary-sentences", "VEILLE_SUMMARY_SENTENCES",
       IntSetting(1, 50,
                  [](int64_t n, Config* c, RawSettings*) {
                    c->stories.summary.sentences = static_cast<int>(n);
                  })},
      {"min-article-chars", "VEILLE_MIN_ARTICLE_CHARS",
       IntSetting(0, kMax,
                  [](int64_t n, Config* c, RawSettings*) {
                    c->extract.min_article_chars = static_cast<size_t>(n);
                  })},
  };
  return kSettings;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Reads a TOML subset: `key = value` lines, value a "string", 'string' or bare
// word/number, # comments, blank lines. Sections are not used by Veille yet.
Status LoadFile(const std::string& path, Config* config, RawSettings* raw) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read config file").At(path);
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view l = Trim(line);
    if (l.empty() || l[0] == '#') continue;
    const size_t eq = l.find('=');
    if (eq == std::string_view::npos) {
      return Status::InvalidInput("expected key = value").At(path, line_no);
    }
    std::string key(Trim(l.substr(0, eq)));
    std::string_view value = Trim(l.substr(eq + 1));
    if (!value.empty() && (value[0] == '"' || value[0] == '\'')) {
      const size_t close = value.find(value[0], 1);
      if (close == std::string_view::npos) {
        return Status::InvalidInput("unterminated string").At(path, line_no);
      }
      value = value.substr(1, close - 1);
    } else if (size_t hash = value.find('#'); hash != std::string_view::npos) {
      value = Trim(value.substr(0, hash));
    }
    for (char& c : key) c = c == '_' ? '-' : c;
    bool known = false;
    for (const Setting& s : Settings()) {
      if (key != s.key) continue;
      known = true;
      if (!s.set(value, config, raw)) {
        return Status::InvalidInput(fmt::format("bad value for {}: '{}'", key, value))
            .At(path, line_no);
      }
    }
    if (!known) return Status::InvalidInput("unknown setting '" + key + "'").At(path, line_no);
  }
  return Status::Ok();
}

std::string DefaultConfigPath() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/veille/config.toml";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.config/veille/config.toml";
  }
  return "";
}

}  // namespace

std::string FindConfigFlag(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--config" && i + 1 < argc) return argv[i + 1];
    if (a.substr(0, 9) == "--config=") return std::string(a.substr(9));
  }
  return "";
}

Status LoadSettings(const std::string& config_path, Config* config, RawSettings* raw) {
  std::string path = config_path;
  bool required = !path.empty();
  if (path.empty()) {
    if (const char* env = std::getenv("VEILLE_CONFIG"); env && *env) {
      path = env;
      required = true;
    } else {
      path = DefaultConfigPath();
    }
  }
  std::error_code ec;
  if (!path.empty() && std::filesystem::exists(path, ec)) {
    VEILLE_RETURN_IF_ERROR(LoadFile(path, config, raw));
  } else if (required) {
    return Status::NotFound("config file not found").At(path);
  }
  for (const Setting& s : Settings()) {
    const char* v = std::getenv(s.env);
    if (v == nullptr || *v == '\0') continue;
    if (!s.set(v, config, raw)) {
      return Status::InvalidInput(fmt::format("bad value '{}'", v)).At(s.env);
    }
  }
  return Status::Ok();
}

}  // namespace veille::cli
