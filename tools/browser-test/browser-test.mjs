// Headless Chromium test of the web UI: opens the front page, a story, runs a
// search, checks what a reader sees, and saves screenshots.
// Usage: node browser-test.mjs BASE_URL SCREENSHOT_DIR
// Uses Debian's /usr/bin/chromium (or $CHROMIUM) through playwright-core.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.argv[2];
const shots = process.argv[3] || "build/browser-test";
if (!base) {
  console.error("usage: node browser-test.mjs BASE_URL [SCREENSHOT_DIR]");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "veille-chromium-"));

function check(cond, what) {
  if (!cond) throw new Error("check failed: " + what);
  console.log("ok - " + what);
}

// Playwright manages the profile through launchPersistentContext; the flags
// below keep Chromium from reaching the network on its own.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1100, height: 900 },
});
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  // Front page: stories with headlines, source counts and times.
  let resp = await page.goto(base + "/", { waitUntil: "load" });
  check(resp.status() === 200, "front page answers 200");
  check((await page.title()).includes("Veille"), "front page title names Veille");
  const cards = page.locator("article.story");
  check((await cards.count()) > 0, "front page lists stories");
  const headline = (await cards.first().locator("h2").innerText()).trim();
  check(headline.length > 0, `first story has a headline ("${headline}")`);
  check(/\d+ sources?/.test(await cards.first().locator(".meta").innerText()),
        "first story shows its source count");
  await page.screenshot({ path: join(shots, "front.png"), fullPage: true });

  // A story page: its headline, summary section, grouped articles.
  await cards.first().locator("h2 a").click();
  await page.waitForLoadState("load");
  check(/\/stories\/\d+$/.test(page.url()), "clicking a headline opens its story page");
  check((await page.locator("h1").innerText()).trim() === headline,
        "story page shows the same headline");
  check((await page.locator("section.members li a").count()) > 0, "story page lists its articles");
  check((await page.locator("section.summary ol.sentences li").count()) > 0,
        "story page shows its summary");
  check((await page.locator("section.summary a.src").count()) > 0,
        "summary sentences link their source articles");
  check(await page.getByRole("heading", { name: "Similar news" }).isVisible(),
        "story page has a similar-news section");
  await page.screenshot({ path: join(shots, "story.png"), fullPage: true });

  // Search from the box in the header: hits with the matched word highlighted.
  await page.locator("header form.search input[name=q]").fill("Vladivostok");
  await page.locator("header form.search button").click();
  await page.waitForLoadState("load");
  check(page.url().includes("/search?q=Vladivostok"), "search box leads to the search page");
  const hits = page.locator("ol.hits > li");
  check((await hits.count()) > 0, "search finds articles");
  const mark = (await page.locator("ol.hits mark").first().innerText()).toLowerCase();
  check(mark === "vladivostok", "matched word is highlighted in the snippet");
  await page.screenshot({ path: join(shots, "search.png"), fullPage: true });

  // An article page opened from a hit: text paragraphs, no script errors.
  await hits.first().locator("a").first().click();
  await page.waitForLoadState("load");
  check((await page.locator(".text p").count()) > 0, "article page shows its text");

  // Phone-sized viewport: the page still fits its width.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(base + "/", { waitUntil: "load" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, "front page fits a phone's width");
  await page.screenshot({ path: join(shots, "front-phone.png"), fullPage: false });
  check(errors.length === 0, "no JavaScript or CSP errors (" + errors.join("; ") + ")");
} catch (e) {
  failed = true;
  console.error(String(e && e.stack ? e.stack : e));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
