// node:path — POSIX path strings (node's path.posix; path.win32 is not provided).
//
// Pure string functions, written in Molt's JavaScript so that a patch can update them.
// Invariants every function keeps: "/" is the only separator; normalize() never leaves
// "." or empty segments, and ".." only at the start of a relative path; resolve() always
// returns an absolute path without a trailing "/" (except the root itself).
const { validateString } = require("internal/validators");

// Folds "." and ".." out of the segments of `path` (without its leading "/").
function foldSegments(path, absolute) {
  const out = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(segment);
  }
  return out;
}

function normalize(path) {
  validateString(path, "path");
  if (path === "") return ".";
  const absolute = path.startsWith("/");
  const trailing = path.endsWith("/");
  let result = foldSegments(path, absolute).join("/");
  if (result === "" && !absolute) result = ".";
  if (result !== "" && trailing) result += "/";
  return absolute ? `/${result}` : result;
}

function join(...paths) {
  const parts = [];
  for (const p of paths) {
    validateString(p, "path");
    if (p !== "") parts.push(p);
  }
  if (parts.length === 0) return ".";
  return normalize(parts.join("/"));
}

function resolve(...paths) {
  let resolved = "";
  let absolute = false;
  for (let i = paths.length - 1; i >= 0 && !absolute; i--) {
    const p = paths[i];
    validateString(p, "paths[" + i + "]");
    if (p === "") continue;
    resolved = resolved === "" ? p : `${p}/${resolved}`;
    absolute = p.startsWith("/");
  }
  if (!absolute) resolved = resolved === "" ? process.cwd() : `${process.cwd()}/${resolved}`;
  return `/${foldSegments(resolved, true).join("/")}`;
}

function isAbsolute(path) {
  validateString(path, "path");
  return path.startsWith("/");
}

// `path` without its trailing slashes (the root stays "/").
function trimTrailing(path) {
  let end = path.length;
  while (end > 1 && path[end - 1] === "/") end--;
  return path.slice(0, end);
}

function dirname(path) {
  validateString(path, "path");
  if (path === "") return ".";
  const trimmed = trimTrailing(path);
  const slash = trimmed.lastIndexOf("/");
  if (slash < 0) return ".";
  if (slash === 0) return "/";
  if (slash === 1 && trimmed[0] === "/") return "//"; // node keeps a leading "//"
  return trimmed.slice(0, slash);
}

function basename(path, suffix) {
  validateString(path, "path");
  if (suffix !== undefined) validateString(suffix, "suffix");
  if (suffix !== undefined && suffix === path) return ""; // node's rule for a bare name
  const trimmed = trimTrailing(path);
  if (trimmed === "/") return "";
  const base = trimmed.slice(trimmed.lastIndexOf("/") + 1);
  if (suffix !== undefined && suffix !== base && base.endsWith(suffix))
    return base.slice(0, base.length - suffix.length);
  return base;
}

function extname(path) {
  validateString(path, "path");
  const base = basename(path);
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || base === "..") return "";
  return base.slice(dot);
}

function relative(from, to) {
  validateString(from, "from");
  validateString(to, "to");
  if (from === to) return "";
  const a = resolve(from);
  const b = resolve(to);
  if (a === b) return "";
  const fromParts = a === "/" ? [] : a.slice(1).split("/");
  const toParts = b === "/" ? [] : b.slice(1).split("/");
  let common = 0;
  while (common < fromParts.length && common < toParts.length &&
         fromParts[common] === toParts[common])
    common++;
  const up = fromParts.slice(common).map(() => "..");
  return [...up, ...toParts.slice(common)].join("/");
}

function parse(path) {
  validateString(path, "path");
  const root = path.startsWith("/") ? "/" : "";
  const trimmed = trimTrailing(path);
  const base = trimmed === "/" ? "" : trimmed.slice(trimmed.lastIndexOf("/") + 1);
  const ext = extname(base);
  const slash = trimmed.lastIndexOf("/");
  let dir = "";
  if (slash > 0) dir = trimmed.slice(0, slash);
  if (dir === "" && slash >= 0) dir = root;
  return { root, dir, base, ext, name: base.slice(0, base.length - ext.length) };
}

function format(parts) {
  if (parts === null || typeof parts !== "object") {
    const { InvalidArgTypeError } = require("internal/validators");
    throw new InvalidArgTypeError("pathObject", "of type object", parts);
  }
  const dir = parts.dir || parts.root;
  let base = parts.base;
  if (!base) {
    const ext = parts.ext || "";
    base = `${parts.name || ""}${ext !== "" && !ext.startsWith(".") ? "." : ""}${ext}`;
  }
  if (!dir) return base;
  return dir === parts.root ? `${dir}${base}` : `${dir}/${base}`;
}

function toNamespacedPath(path) {
  return path;
}

const path = {
  normalize,
  join,
  resolve,
  isAbsolute,
  dirname,
  basename,
  extname,
  relative,
  parse,
  format,
  toNamespacedPath,
  sep: "/",
  delimiter: ":",
  posix: null,
};
path.posix = path;

module.exports = path;
