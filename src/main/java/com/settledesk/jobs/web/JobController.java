package com.settledesk.jobs.web;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import com.settledesk.identity.CurrentUser;
import com.settledesk.jobs.BackgroundJobs;
import com.settledesk.jobs.JobResult;
import com.settledesk.jobs.JobView;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.Timestamps;

/** A job's progress (JSON for the API, a polled fragment with a progress bar for the UI) and its file. */
@Controller
class JobController {

	private final BackgroundJobs jobs;

	JobController(BackgroundJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/api/v1/jobs/{id}")
	@ResponseBody
	JobResponse status(@PathVariable UUID id, CurrentUser user) {
		return JobResponse.of(find(id, user));
	}

	@GetMapping({ "/api/v1/jobs/{id}/result", "/jobs/{id}/result" })
	ResponseEntity<byte[]> result(@PathVariable UUID id, CurrentUser user) {
		JobResult result = jobs.result(id, user.username()).orElseThrow(() -> new ResourceNotFoundException("Job result"));
		return download(result);
	}

	@GetMapping("/jobs/{id}")
	String fragment(@PathVariable UUID id, CurrentUser user, Model model) {
		model.addAttribute("job", find(id, user));
		return "jobs/progress :: job";
	}

	/** A produced file as a download, its (possibly Chinese) name encoded for every browser. */
	static ResponseEntity<byte[]> download(JobResult result) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(result.fileName(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(result.contentType()))
			.body(result.content());
	}

	private JobView find(UUID id, CurrentUser user) {
		return jobs.find(id, user.username()).orElseThrow(() -> new ResourceNotFoundException("Job"));
	}

	record JobResponse(String id, String kind, String status, long done, long total, int percent, String resultName,
			String failureCode, String failureDetail, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

		static JobResponse of(JobView job) {
			return new JobResponse(job.id().toString(), job.kind(), job.status().name(), job.done(), job.total(),
					job.percent(), job.resultName(), job.failureCode(), job.failureDetail(),
					Timestamps.forDisplay(job.startedAt()), Timestamps.forDisplay(job.finishedAt()));
		}
	}
}
