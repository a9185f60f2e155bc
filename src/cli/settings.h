// Settings: the named, user-visible knobs of Config, and how they are read.
// Precedence, first match wins: command-line flag, VEILLE_* environment
// variable, config file, default. This file handles the config file and the
// environment; the flags are CLI11 options bound to the same Config fields, so
// they override whatever was loaded here. Not thread-safe (startup only).
#ifndef VEILLE_CLI_SETTINGS_H_
#define VEILLE_CLI_SETTINGS_H_

#include <string>
#include <string_view>

#include "veille/config.h"
#include "veille/status.h"

namespace veille::cli {

// Settings that are not Config fields themselves but are converted into them.
struct RawSettings {
  int64_t max_document_mb = 20;
};

// Loads, into *config and *raw, the config file then the environment.
// `config_path` is the --config flag's value ("" when absent); otherwise
// $VEILLE_CONFIG names a file that must exist, else the default path
// (~/.config/veille/config.toml, or under $XDG_CONFIG_HOME) is read when it
// exists. The file is TOML key = value lines (keys as the flags without "--";
// strings quoted, numbers bare; # comments). Returns kInvalidInput naming the
// file and line for an unknown key or a bad value, kNotFound for a named
// file that does not exist.
Status LoadSettings(const std::string& config_path, Config* config, RawSettings* raw);

// Finds "--config FILE" or "--config=FILE" in argv (before CLI11 parses it).
std::string FindConfigFlag(int argc, char** argv);

}  // namespace veille::cli

#endif  // VEILLE_CLI_SETTINGS_H_
