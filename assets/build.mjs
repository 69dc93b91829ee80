// Builds the static assets into tracker/static: our stylesheet, and GOV.UK Frontend's script and images.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const out = join(root, "tracker", "static");

const css = sass.compile(join(root, "assets", "tracker.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
mkdirSync(join(out, "css"), { recursive: true });
writeFileSync(join(out, "css", "tracker.css"), css.css);

mkdirSync(join(out, "govuk"), { recursive: true });
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk", "govuk-frontend.min.js"));
cpSync(join(govuk, "assets", "images"), join(out, "govuk", "assets", "images"), { recursive: true });
cpSync(join(govuk, "assets", "manifest.json"), join(out, "govuk", "assets", "manifest.json"));
console.log("assets built in tracker/static");
