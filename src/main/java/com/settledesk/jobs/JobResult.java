package com.settledesk.jobs;

/** The file a job produced. A job that produces none answers {@link #NONE}. */
public record JobResult(String fileName, String contentType, byte[] content) {

	public static final JobResult NONE = new JobResult(null, null, null);

	public boolean hasFile() {
		return content != null;
	}
}
