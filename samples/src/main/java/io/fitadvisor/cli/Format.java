package io.fitadvisor.cli;

/** Output formats; each command accepts the subset the spec gives it. */
enum Format {
  table,
  markdown,
  json,
  html
}
