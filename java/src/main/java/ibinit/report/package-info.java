/**
 * Results: one atomic JSON file per run ({@link ibinit.report.JsonRunStore}), grid summaries
 * as a console table, CSV and Markdown, and a PNG of test error per epoch.
 */
package ibinit.report;
