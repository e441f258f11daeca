/**
 * Background jobs (后台任务) for long work people wait for — a month's statement, a bank result file's
 * reconciliation: they run off the request thread, report progress that the UI shows as a bar, keep their
 * result for download by the user who started them, and end with a reason in words when they fail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Background jobs")
package com.settledesk.jobs;
