// The web UI's static files, compiled into the binary (no file system, no CDN).
#include <string_view>

#include "serve/routes.h"

namespace veille::serve {
namespace {

constexpr std::string_view kStyle = R"css(
:root{--fg:#1d1d1f;--muted:#6b6b70;--bg:#fafaf7;--card:#fff;--line:#e4e2dc;--accent:#a4321c}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.2rem;padding:.6rem 1rem;background:#fff;border-bottom:1px solid var(--line)}
.brand{font-weight:700;font-size:1.3rem;color:var(--fg);letter-spacing:.02em}
header nav a{margin-right:.8rem;color:var(--fg)}
form.search{display:flex;gap:.3rem;margin-left:auto;flex:1 1 16rem;max-width:28rem}
form.search input{flex:1;min-width:0}
input,button{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);border-radius:4px;background:#fff}
button{cursor:pointer;background:var(--fg);color:#fff;border-color:var(--fg)}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.4rem 0 1rem}
.stories{display:grid;gap:.8rem}
article.story{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem}
article.story h2{font-size:1.15rem;margin:0 0 .3rem}article.story h2 a{color:var(--fg)}
.lead{margin:.2rem 0}.meta{color:var(--muted);font-size:.88rem}.muted{color:var(--muted)}
ul.entities{list-style:none;padding:0;margin:.3rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem}
ul.entities li{background:#f1eee6;border-radius:3px;padding:0 .4rem;font-size:.85rem}
table.entities{border-collapse:collapse;width:100%}table.entities td,table.entities th{border-bottom:1px solid var(--line);padding:.3rem;text-align:left}
.summary ol{padding-left:1.2rem}.src{font-size:.8rem;background:#f1eee6;border-radius:3px;padding:0 .3rem}
dl.timeline dt{font-weight:600;margin-top:.4rem}dl.timeline dd{margin-left:1rem}
ul.copies{list-style:none;padding-left:1.2rem;font-size:.92rem}ul.copies li.label{color:var(--muted)}
mark{background:#ffe58a;padding:0 .1rem}.snippet{margin:.2rem 0 .8rem;color:#333}
form.filters{display:flex;flex-wrap:wrap;gap:.4rem;margin-bottom:1rem}
nav.pager{display:flex;justify-content:space-between;margin:1rem 0}
.text p{margin:.6rem 0}.error{color:#b00020}
footer{text-align:center;color:var(--muted);font-size:.85rem;padding:2rem 0}
@media (max-width:600px){body{font-size:15px}main{padding:.6rem}header nav{order:3;width:100%}}
)css";

// A little progressive enhancement: relative times.
constexpr std::string_view kScript = R"js(
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var now = Date.now();
  document.querySelectorAll("time").forEach(function (el) {
    var t = Date.parse(el.textContent.replace(" UTC", "Z").replace(" ", "T"));
    if (isNaN(t)) return;
    var h = Math.round((now - t) / 3600000);
    el.title = el.textContent;
    if (h >= 0 && h < 48) el.textContent = h <= 1 ? "just now" : h + " hours ago";
  });
});
)js";

constexpr std::string_view kIcon =
    R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#a4321c"/><path d="M3 4h2l3 7 3-7h2l-4 9H7z" fill="#fff"/></svg>)svg";

constexpr StaticFile kFiles[] = {
    {"text/css; charset=utf-8", kStyle},
    {"text/javascript; charset=utf-8", kScript},
    {"image/svg+xml", kIcon},
};

}  // namespace

const StaticFile* FindStaticFile(std::string_view name) {
  if (name == "style.css") return &kFiles[0];
  if (name == "app.js") return &kFiles[1];
  if (name == "favicon.svg") return &kFiles[2];
  return nullptr;
}

}  // namespace veille::serve
